package org.suxiu.triage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped rules against labelled descriptions: the set the rules were tuned on, and a
 * held-out set written independently and never used for tuning. The README reports these
 * figures; the test fails below them.
 */
class TriageAccuracyTest {

	private static final RuleEngine SHIPPED = new RuleEngine(ShippedRules.load(JsonMapper.builder().build()));

	@Test
	void gradesTheTuningSetAtLeast95PercentRight() throws IOException {
		Score score = score("/triage/labelled-descriptions.csv");

		assertThat(score.total()).isGreaterThanOrEqualTo(150);
		assertThat(score.accuracy()).isGreaterThanOrEqualTo(0.95);
		assertThat(score.l1Recall()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void gradesTheHeldOutSetAtLeast85PercentRight() throws IOException {
		Score score = score("/triage/holdout-descriptions.csv");

		assertThat(score.total()).isEqualTo(120);
		assertThat(score.accuracy()).isGreaterThanOrEqualTo(0.85);
		assertThat(score.l1Recall()).isGreaterThanOrEqualTo(0.80);
	}

	private static Score score(String resource) throws IOException {
		List<String> lines;
		try (InputStream in = TriageAccuracyTest.class.getResourceAsStream(resource)) {
			lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
		}
		int right = 0;
		int l1 = 0;
		int l1Right = 0;
		for (String line : lines) {
			String[] fields = line.split(",", 3);
			Grade expected = Grade.valueOf(fields[1]);
			Grade actual = SHIPPED.grade(Category.valueOf(fields[0]), fields[2]).grade();
			right += actual == expected ? 1 : 0;
			if (expected == Grade.L1) {
				l1++;
				l1Right += actual == Grade.L1 ? 1 : 0;
			}
		}
		Score score = new Score(lines.size(), right, l1, l1Right);
		System.out.printf("%s: %d/%d right (%.1f %%), L1 recall %d/%d%n", resource, right, lines.size(),
				100.0 * score.accuracy(), l1Right, l1);
		return score;
	}

	private record Score(int total, int right, int l1, int l1Right) {

		double accuracy() {
			return (double) right / total;
		}

		double l1Recall() {
			return (double) l1Right / l1;
		}

	}

}
