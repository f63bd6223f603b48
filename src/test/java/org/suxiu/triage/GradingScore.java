package org.suxiu.triage;

import org.suxiu.shared.Grade;

/**
 * Accuracy figures of a grader over labelled descriptions: a confusion matrix and what
 * follows from it.
 */
final class GradingScore {

	/** [expected][actual] */
	private final int[][] confusion = new int[4][4];

	void add(Grade expected, Grade actual) {
		confusion[expected.ordinal()][actual.ordinal()]++;
	}

	int total() {
		int n = 0;
		for (int[] row : confusion) {
			for (int c : row) {
				n += c;
			}
		}
		return n;
	}

	double accuracy() {
		int right = 0;
		for (int i = 0; i < 4; i++) {
			right += confusion[i][i];
		}
		return (double) right / total();
	}

	double l1Recall() {
		int l1 = 0;
		for (int c : confusion[0]) {
			l1 += c;
		}
		return (double) confusion[0][0] / l1;
	}

	double l1Precision() {
		int gradedL1 = 0;
		for (int[] row : confusion) {
			gradedL1 += row[0];
		}
		return gradedL1 == 0 ? 1 : (double) confusion[0][0] / gradedL1;
	}

	/** Share graded less urgent than they are. */
	double underGraded() {
		int under = 0;
		for (int expected = 0; expected < 4; expected++) {
			for (int actual = expected + 1; actual < 4; actual++) {
				under += confusion[expected][actual];
			}
		}
		return (double) under / total();
	}

	/** A Markdown row: n, accuracy, L1 recall, L1 precision, under-graded. */
	String row(String name) {
		return "| %s | %d | %.3f | %.3f | %.3f | %.1f %% |".formatted(name, total(), accuracy(), l1Recall(),
				l1Precision(), 100 * underGraded());
	}

	/** The confusion matrix as a Markdown table, rows expected, columns graded. */
	String matrix() {
		StringBuilder out = new StringBuilder("| expected \\ graded | L1 | L2 | L3 | L4 |\n|---|---|---|---|---|\n");
		for (Grade expected : Grade.values()) {
			out.append("| ").append(expected);
			for (Grade actual : Grade.values()) {
				out.append(" | ").append(confusion[expected.ordinal()][actual.ordinal()]);
			}
			out.append(" |\n");
		}
		return out.toString();
	}

}
