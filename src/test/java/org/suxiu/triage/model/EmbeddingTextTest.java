package org.suxiu.triage.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What of a description the model sees. */
class EmbeddingTextTest {

	@Test
	void dropsControlCharactersAndFoldsWhiteSpace() {
		assertThat(EmbeddingText.prepare("\u0007漏水\u0000  \n\t很严重\u001b")).isEqualTo("漏水 很严重");
	}

	@Test
	void keepsTheHeadAndTheTailOfALongStory() {
		String story = "开头".repeat(10) + "中间".repeat(500) + "刚才闻到煤气味";

		String prepared = EmbeddingText.prepare(story);

		assertThat(prepared).startsWith("开头开头").endsWith("刚才闻到煤气味").contains("…");
		assertThat(prepared.length()).isLessThanOrEqualTo(EmbeddingText.HEAD + EmbeddingText.TAIL + 1);
	}

	@Test
	void neverSplitsAnEmoji() {
		String text = "🔥".repeat(200);

		String prepared = EmbeddingText.prepare(text);

		assertThat(prepared.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF)).isTrue();
	}

	@Test
	void aNullOrBlankDescriptionIsEmpty() {
		assertThat(EmbeddingText.prepare(null)).isEmpty();
		assertThat(EmbeddingText.prepare(" \n ")).isEmpty();
	}

}
