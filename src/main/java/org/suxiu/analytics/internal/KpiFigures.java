package org.suxiu.analytics.internal;

import java.util.EnumMap;
import java.util.Map;

import org.suxiu.analytics.BreachCause;
import org.suxiu.analytics.KpiRow;

/**
 * Turns a summed {@link Tally} into the figures of a KPI row: shares, means and
 * percentiles.
 */
final class KpiFigures {

	private KpiFigures() {
	}

	static KpiRow row(String key, String name, Tally t, KpiRow.Work work, long homes) {
		Map<BreachCause, Long> causes = new EnumMap<>(BreachCause.class);
		for (BreachCause cause : BreachCause.values()) {
			causes.put(cause, t.get(Measure.valueOf("CAUSE_" + cause.name())));
		}
		long completed = t.get(Measure.COMPLETED);
		long orders = t.get(Measure.ORDERS);
		return new KpiRow(key, name, orders, t.get(Measure.CANCELLED), completed,
				times(t, Tally.Times.RESPONSE, Measure.RESPONSE_N, Measure.RESPONSE_SUM),
				times(t, Tally.Times.ARRIVAL, Measure.ARRIVAL_N, Measure.ARRIVAL_SUM),
				times(t, Tally.Times.COMPLETION, Measure.COMPLETION_N, Measure.COMPLETION_SUM),
				new KpiRow.Promises(t.get(Measure.KEPT), t.get(Measure.BREACHED), share(t.get(Measure.KEPT), completed),
						t.get(Measure.RESPOND_MET), t.get(Measure.RESPOND_MISSED), t.get(Measure.ARRIVE_MET),
						t.get(Measure.ARRIVE_MISSED), t.get(Measure.COMPLETE_MET), t.get(Measure.COMPLETE_MISSED)),
				causes,
				new KpiRow.Quality(t.get(Measure.FIRST_FIX), share(t.get(Measure.FIRST_FIX), completed),
						t.get(Measure.REWORKED), t.get(Measure.REWORK),
						share(t.get(Measure.REWORK), orders - t.get(Measure.CANCELLED)),
						t.get(Measure.PROBABLE_REWORK)),
				new KpiRow.Satisfaction(t.get(Measure.RATED), mean(t.get(Measure.RATING_SUM), t.get(Measure.RATED)),
						t.get(Measure.RATED_GOOD), t.get(Measure.FOLLOWED_UP), t.get(Measure.SATISFIED),
						share(t.get(Measure.SATISFIED), t.get(Measure.FOLLOWED_UP)), t.get(Measure.COMPLAINTS),
						perThousand(t.get(Measure.COMPLAINTS), homes)),
				new KpiRow.Charges(t.get(Measure.PAID_FEN), t.get(Measure.APPROVED_FEN)),
				work != null ? work : new KpiRow.Work(hours(t), null, null, null, null));
	}

	/** Per 1,000 homes, to a hundredth, or {@code null} without homes. */
	static Double perThousand(long count, long homes) {
		return homes <= 0 ? null : Math.round(count * 100000.0 / homes) / 100.0;
	}

	/** Hours on jobs, to a hundredth. */
	static double hours(Tally t) {
		return Math.round(t.get(Measure.WORK_SUM) / 60.0 * 100) / 100.0;
	}

	private static KpiRow.Times times(Tally t, Tally.Times which, Measure count, Measure sum) {
		long n = t.get(count);
		long[] histogram = t.histogram(which);
		return new KpiRow.Times(n, mean(t.get(sum), n), Buckets.percentile(histogram, 0.5),
				Buckets.percentile(histogram, 0.9));
	}

	/** A share to four places, or {@code null} out of nothing. */
	static Double share(long part, long whole) {
		return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
	}

	/** A mean to one decimal place, or {@code null} of nothing. */
	static Double mean(long sum, long n) {
		return n == 0 ? null : Math.round(sum * 10.0 / n) / 10.0;
	}

}
