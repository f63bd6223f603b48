package org.suxiu.triage.model;

/**
 * Turns a description into a unit-length sentence vector whose dot product with another
 * says how alike the two are in meaning.
 */
public interface SentenceEncoder {

	/**
	 * The vector of a description, already cleaned by {@link EmbeddingText#prepare}.
	 * @param text the prepared text
	 * @return a unit-length vector of {@link #dimensions()} components
	 */
	float[] encode(String text);

	int dimensions();

	/** A name for explanations and the README, e.g. {@code bge-small-zh-v1.5-q}. */
	String name();

}
