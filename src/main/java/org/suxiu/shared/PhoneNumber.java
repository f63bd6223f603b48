package org.suxiu.shared;

import java.util.regex.Pattern;

/**
 * A mainland China mobile (11 digits starting 1[3-9]) or landline ({@code 0xx-xxxxxxxx})
 * number.
 */
public record PhoneNumber(String value) {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

	public PhoneNumber {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a mainland mobile or landline number");
		}
	}

	public static boolean isValid(String candidate) {
		return candidate != null && (MOBILE.matcher(candidate).matches() || LANDLINE.matcher(candidate).matches());
	}

	public boolean isMobile() {
		return MOBILE.matcher(value).matches();
	}

	/** {@code 138****0001} for mobiles; landlines keep area code and last four digits. */
	public String masked() {
		return mask(value);
	}

	/** Masks any stored number, tolerating legacy values that no longer validate. */
	public static String mask(String number) {
		if (number == null) {
			return null;
		}
		if (number.length() == 11 && MOBILE.matcher(number).matches()) {
			return number.substring(0, 3) + "****" + number.substring(7);
		}
		if (number.length() <= 4) {
			return "****";
		}
		int dash = number.indexOf('-');
		String prefix = dash > 0 ? number.substring(0, dash + 1)
				: number.substring(0, Math.min(3, number.length() - 4));
		return prefix + "****" + number.substring(number.length() - 4);
	}

	@Override
	public String toString() {
		return masked();
	}

}
