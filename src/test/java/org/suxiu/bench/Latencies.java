package org.suxiu.bench;

import java.util.Arrays;

/**
 * Response times of one measured window, sorted once so that any percentile is a lookup.
 */
final class Latencies {

	private final long[] sortedNanos;

	Latencies(long[] nanos) {
		this.sortedNanos = nanos.clone();
		Arrays.sort(this.sortedNanos);
	}

	int count() {
		return this.sortedNanos.length;
	}

	/** Nearest-rank percentile in milliseconds; 0 when nothing was measured. */
	double percentileMillis(double percentile) {
		if (this.sortedNanos.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * this.sortedNanos.length);
		return millis(this.sortedNanos[Math.max(0, Math.min(rank, this.sortedNanos.length) - 1)]);
	}

	/** How many took at least {@code millis}: stalls rather than slowness. */
	long countAtLeast(double millis) {
		long threshold = (long) (millis * 1_000_000);
		return Arrays.stream(this.sortedNanos).filter(n -> n >= threshold).count();
	}

	double maxMillis() {
		return (this.sortedNanos.length == 0) ? 0 : millis(this.sortedNanos[this.sortedNanos.length - 1]);
	}

	double meanMillis() {
		return (this.sortedNanos.length == 0) ? 0
				: millis(Arrays.stream(this.sortedNanos).sum()) / this.sortedNanos.length;
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

}
