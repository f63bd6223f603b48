package org.suxiu.analytics.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's copied text reads as written: the Kangxi radical look-alikes a subset font's
 * ToUnicode map names are folded to their ideographs.
 */
class PlainToUnicodeTest {

	@Test
	void foldsARadicalDestinationToItsIdeograph() {
		String cmap = "2 beginbfchar\n<0003> <2F49>\n<0004> <62A5>\nendbfchar\n";

		assertThat(PlainToUnicode.fold(cmap)).isEqualTo("2 beginbfchar\n<0003> <6708>\n<0004> <62A5>\nendbfchar\n");
	}

	@Test
	void writesOutARangeThatCrossesARadicalCodeByCode() {
		String cmap = "1 beginbfrange\n<0010> <0011> <2F48>\nendbfrange\n";

		assertThat(PlainToUnicode.fold(cmap)).isEqualTo("1 beginbfrange\n<0010> <0011> [<66F0> <6708>]\nendbfrange\n");
	}

	@Test
	void leavesOtherMappingsAlone() {
		String cmap = "1 beginbfrange\n<0020> <0022> <0041>\nendbfrange\n1 beginbfchar\n<0030> <00660066>\nendbfchar\n";

		assertThat(PlainToUnicode.fold(cmap)).isEqualTo(cmap);
	}

}
