package org.suxiu.field;

/**
 * One thing to check before a job counts as done.
 *
 * @param id stable within its repair type, sent back when ticked
 * @param zh the words in Chinese
 * @param en the words in English
 */
public record ChecklistItem(String id, String zh, String en) {

	/** The words in the reader's language. */
	public String text(boolean english) {
		return english ? en : zh;
	}

}
