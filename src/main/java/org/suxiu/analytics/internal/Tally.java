package org.suxiu.analytics.internal;

import java.util.Arrays;

/**
 * The sums of one roll-up row (or of one order's part in it): a counter per
 * {@link Measure} and a histogram each of response, arrival and completion minutes.
 * Tallies add and subtract, so a change to an order moves the roll-ups by the difference
 * between what it counted before and what it counts now.
 */
final class Tally {

	/** The three time histograms. */
	enum Times {

		RESPONSE, ARRIVAL, COMPLETION;

		String column() {
			return name().toLowerCase(java.util.Locale.ROOT) + "_hist";
		}

	}

	final long[] counters = new long[Measure.values().length];

	final long[][] histograms = new long[Times.values().length][Buckets.COUNT];

	long get(Measure measure) {
		return counters[measure.ordinal()];
	}

	Tally add(Measure measure, long value) {
		counters[measure.ordinal()] += value;
		return this;
	}

	/** Counts one duration in its histogram, its count and its sum. */
	Tally time(Times times, Measure count, Measure sum, long minutes) {
		add(count, 1);
		add(sum, minutes);
		histograms[times.ordinal()][Buckets.index(minutes)]++;
		return this;
	}

	long[] histogram(Times times) {
		return histograms[times.ordinal()];
	}

	/** Adds {@code other} times {@code sign} (1 or -1) into this one. */
	Tally plus(Tally other, int sign) {
		for (int i = 0; i < counters.length; i++) {
			counters[i] += sign * other.counters[i];
		}
		for (int t = 0; t < histograms.length; t++) {
			for (int b = 0; b < Buckets.COUNT; b++) {
				histograms[t][b] += sign * other.histograms[t][b];
			}
		}
		return this;
	}

	boolean isZero() {
		return Arrays.stream(counters).allMatch(c -> c == 0)
				&& Arrays.stream(histograms).allMatch(h -> Arrays.stream(h).allMatch(c -> c == 0));
	}

}
