package org.suxiu.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.suxiu.shared.SuxiuProperties;

/**
 * Renders a message from its template in {@code notification/templates_<locale>}:
 * parameters by name ({@code {number}}), times in the business time zone, labels for
 * grades and clocks looked up in the same file, and for SMS the company signature in
 * front and free text shortened until the text fits its segments.
 */
@Component
class Templates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

	private static final int SHORTEST = 4;

	private final ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();

	private final ZoneId zone;

	private final String signature;

	Templates(SuxiuProperties suxiu, NotificationProperties properties) {
		this.zone = suxiu.zone();
		this.signature = properties.signature();
		bundle.setBasename("notification/templates");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
	}

	/**
	 * The message for one channel.
	 * @param params values by name: {@link Instant}s are shown as times, {@link Label}s
	 * in the language, everything else as text
	 */
	Rendered render(Kind kind, String locale, Channel channel, Map<String, ?> params) {
		Map<String, String> values = new LinkedHashMap<>();
		params.forEach((name, value) -> values.put(name, text(value, locale)));
		String template = raw(kind.name() + ".text", locale);
		String subject = fill(raw(kind.name() + ".subject", locale), values);
		if (channel != Channel.SMS) {
			return new Rendered(subject, fill(template, values), Map.copyOf(values));
		}
		String body = signature + fill(template, values);
		while (SmsText.segments(body) > kind.segments(locale) && shorten(kind, values)) {
			body = signature + fill(template, values);
		}
		return new Rendered(subject, body, Map.copyOf(values));
	}

	String signature() {
		return signature;
	}

	private String raw(String key, String locale) {
		try {
			return bundle.getMessage(key, null, Languages.locale(locale));
		}
		catch (NoSuchMessageException ex) {
			throw new IllegalStateException("No template " + key + " for " + locale, ex);
		}
	}

	private String text(Object value, String locale) {
		if (value == null) {
			return "";
		}
		if (value instanceof Label label) {
			return raw(label.key(), locale);
		}
		if (value instanceof Instant instant) {
			return TIME.format(instant.atZone(zone));
		}
		if (value instanceof Window window) {
			var from = window.from().atZone(zone);
			var to = window.to().atZone(zone);
			return TIME.format(from) + "-"
					+ (from.toLocalDate().equals(to.toLocalDate()) ? HOUR.format(to) : TIME.format(to));
		}
		return value.toString();
	}

	/** Cuts one character off the longest free-text value; false once none can shrink. */
	private static boolean shorten(Kind kind, Map<String, String> values) {
		String longest = null;
		for (String name : kind.elastic()) {
			String value = values.get(name);
			if (value != null && value.length() > SHORTEST
					&& (longest == null || value.length() > values.get(longest).length())) {
				longest = name;
			}
		}
		if (longest == null) {
			return false;
		}
		String value = values.get(longest);
		String kept = value.endsWith("…") ? value.substring(0, value.length() - 2)
				: value.substring(0, value.length() - 1);
		values.put(longest, kept + "…");
		return true;
	}

	static String fill(String template, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder text = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalArgumentException("No value for {" + matcher.group(1) + "} in " + template);
			}
			matcher.appendReplacement(text, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(text);
		return text.toString();
	}

	/**
	 * A word looked up in the recipient's language, such as {@code grade.L1}.
	 *
	 * @param key the key in the templates file
	 */
	record Label(String key) {

		@Override
		public String toString() {
			return key;
		}

	}

	/**
	 * A visit window, shown {@code 11-28 09:00-11:00}.
	 *
	 * @param from earliest arrival
	 * @param to latest arrival
	 */
	record Window(Instant from, Instant to) {
	}

	/**
	 * A rendered message.
	 *
	 * @param subject subject line
	 * @param body text; for SMS with the signature
	 * @param params the parameters as they appear in the text
	 */
	record Rendered(String subject, String body, Map<String, String> params) {
	}

}
