package org.suxiu.notification;

/**
 * Counts SMS segments as carriers bill them: a text entirely in the GSM 7-bit alphabet
 * fits 160 characters in one segment and 153 in each of several; any other character
 * (Chinese, 【】) makes the whole text UCS-2, 70 characters in one segment and 67 in each
 * of several.
 */
final class SmsText {

	private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

	private SmsText() {
	}

	/** Whether every character is in the GSM 7-bit alphabet. */
	static boolean isGsm(String text) {
		return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENDED.indexOf(c) >= 0);
	}

	/**
	 * The length as the encoding counts it: septets for GSM (extended characters take
	 * two), UTF-16 units for UCS-2.
	 */
	static int length(String text) {
		if (!isGsm(text)) {
			return text.length();
		}
		return (int) text.chars().map(c -> GSM_EXTENDED.indexOf(c) >= 0 ? 2 : 1).sum();
	}

	/** How many segments the text takes. */
	static int segments(String text) {
		boolean gsm = isGsm(text);
		int length = length(text);
		int single = gsm ? 160 : 70;
		int multi = gsm ? 153 : 67;
		if (length <= single) {
			return 1;
		}
		return (length + multi - 1) / multi;
	}

}
