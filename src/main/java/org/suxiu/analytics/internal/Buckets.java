package org.suxiu.analytics.internal;

/**
 * The histogram buckets that let percentiles come from roll-ups: minutes counted one by
 * one in the first hour, then in ever wider steps. A percentile read back is exact to the
 * minute below 60 minutes, within 2.5 minutes below 4 hours, 15 minutes below a day, 2
 * hours below a week and half a day below 30 days; beyond 30 days it answers "30 days or
 * more" (the bucket's floor). Means are exact: they come from sums, not buckets.
 */
final class Buckets {

	/** Bucket bounds: from each start (minutes) up to the next, {@link #WIDTHS} wide. */
	private static final int[] STARTS = { 0, 60, 240, 1440, 10080, 43200 };

	private static final int[] WIDTHS = { 1, 5, 30, 240, 1440, 0 };

	/** How many buckets a histogram has. */
	static final int COUNT;

	private static final int[] FIRST_INDEX = new int[STARTS.length];

	static {
		int count = 0;
		for (int i = 0; i < STARTS.length; i++) {
			FIRST_INDEX[i] = count;
			count += i == STARTS.length - 1 ? 1 : (STARTS[i + 1] - STARTS[i]) / WIDTHS[i];
		}
		COUNT = count;
	}

	private Buckets() {
	}

	/** The bucket of a duration in whole minutes (negative counts as zero). */
	static int index(long minutes) {
		long m = Math.max(0, minutes);
		for (int i = STARTS.length - 1; i >= 0; i--) {
			if (m >= STARTS[i]) {
				if (i == STARTS.length - 1) {
					return FIRST_INDEX[i];
				}
				return FIRST_INDEX[i] + (int) ((m - STARTS[i]) / WIDTHS[i]);
			}
		}
		throw new IllegalStateException();
	}

	/**
	 * The value a bucket stands for: its floor where it is one minute wide (or open
	 * ended), else its middle.
	 */
	static double value(int index) {
		for (int i = STARTS.length - 1; i >= 0; i--) {
			if (index >= FIRST_INDEX[i]) {
				int floor = STARTS[i] + (index - FIRST_INDEX[i]) * WIDTHS[i];
				return WIDTHS[i] <= 1 ? floor : floor + WIDTHS[i] / 2.0;
			}
		}
		throw new IllegalArgumentException("bucket " + index);
	}

	/**
	 * The nearest-rank percentile ({@code p} in 0..1) of a histogram, or {@code null}
	 * when it is empty.
	 */
	static Double percentile(long[] histogram, double p) {
		long total = 0;
		for (long c : histogram) {
			total += c;
		}
		if (total == 0) {
			return null;
		}
		long rank = Math.max(1, (long) Math.ceil(p * total));
		long seen = 0;
		for (int i = 0; i < histogram.length; i++) {
			seen += histogram[i];
			if (seen >= rank) {
				return value(i);
			}
		}
		return value(histogram.length - 1);
	}

}
