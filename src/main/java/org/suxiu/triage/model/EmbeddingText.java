package org.suxiu.triage.model;

import java.text.Normalizer;

/**
 * What of a description the sentence model sees: control characters and runs of white
 * space removed, full-width forms folded, and a long text cut to its head and tail, since
 * a story often names the fault only in its last clause and the model's time grows with
 * the square of the length.
 */
public final class EmbeddingText {

	/** Characters kept from the start of a long description. */
	static final int HEAD = 24;

	/** Characters kept from the end of a long description. */
	static final int TAIL = 104;

	private EmbeddingText() {
	}

	public static String prepare(String description) {
		if (description == null) {
			return "";
		}
		String text = Normalizer.normalize(description, Normalizer.Form.NFKC);
		StringBuilder clean = new StringBuilder(Math.min(text.length(), 4096));
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
				space = clean.length() > 0;
				continue;
			}
			if (space) {
				clean.append(' ');
				space = false;
			}
			clean.append(c);
		}
		String cleaned = clean.toString();
		int limit = HEAD + TAIL;
		if (cleaned.length() <= limit) {
			return cleaned;
		}
		int tailFrom = cleaned.length() - TAIL;
		// never split a surrogate pair (emoji) at either cut
		int headTo = Character.isHighSurrogate(cleaned.charAt(HEAD - 1)) ? HEAD - 1 : HEAD;
		if (Character.isLowSurrogate(cleaned.charAt(tailFrom))) {
			tailFrom++;
		}
		return cleaned.substring(0, headTo) + "…" + cleaned.substring(tailFrom);
	}

}
