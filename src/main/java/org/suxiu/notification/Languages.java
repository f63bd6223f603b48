package org.suxiu.notification;

import java.util.Locale;
import java.util.Set;

/**
 * The languages messages are written in: Chinese first, English on request.
 */
final class Languages {

	static final String CHINESE = "zh-CN";

	static final String ENGLISH = "en";

	static final Set<String> ALL = Set.of(CHINESE, ENGLISH);

	private Languages() {
	}

	static boolean isChinese(String tag) {
		return tag == null || !tag.toLowerCase(Locale.ROOT).startsWith("en");
	}

	static String normalise(String tag) {
		return isChinese(tag) ? CHINESE : ENGLISH;
	}

	static Locale locale(String tag) {
		return isChinese(tag) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
	}

}
