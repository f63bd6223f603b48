package org.suxiu.analytics;

import java.util.Map;

/**
 * The figures of one row of a KPI table (a grade, a technician, a day …) or of its total.
 *
 * @param key what the row stands for: a grade, category, channel, technician id, or the
 * first day of its period ({@code yyyy-MM-dd}, months {@code yyyy-MM}); {@code total} for
 * the total
 * @param name the technician's name on technician rows, else {@code null}
 * @param orders orders reported, cancelled ones included
 * @param cancelled withdrawn before work began
 * @param completed work completed
 * @param response minutes from report to a technician taking the job
 * @param arrival minutes from report to arrival on site
 * @param completion minutes from report to completion
 * @param promises promises kept and broken
 * @param breachCauses broken promises by the cause of the first breach
 * @param quality first-time fix and rework
 * @param satisfaction ratings and follow-up answers
 * @param charges payments received and quotes approved, in fen
 * @param work the technicians' hours on jobs, and on technician rows their shifts
 */
public record KpiRow(String key, String name, long orders, long cancelled, long completed, Times response,
		Times arrival, Times completion, Promises promises, Map<BreachCause, Long> breachCauses, Quality quality,
		Satisfaction satisfaction, Charges charges, Work work) {

	/**
	 * Durations in minutes: the mean is exact; the median and the 90th percentile come
	 * from the roll-ups' histograms (exact to the minute under an hour, see the README).
	 *
	 * @param count how many
	 * @param mean mean, or {@code null} when none
	 * @param p50 median
	 * @param p90 90th percentile
	 */
	public record Times(long count, Double mean, Double p50, Double p90) {
	}

	/**
	 * @param kept completed orders whose every promise was kept
	 * @param breached orders with at least one promise broken
	 * @param keptShare kept among completed orders, 0..1, or {@code null}
	 * @param respondMet response clocks met
	 * @param respondMissed response clocks missed
	 * @param arriveMet arrival clocks met
	 * @param arriveMissed arrival clocks missed
	 * @param completeMet completion clocks met
	 * @param completeMissed completion clocks missed
	 */
	public record Promises(long kept, long breached, Double keptShare, long respondMet, long respondMissed,
			long arriveMet, long arriveMissed, long completeMet, long completeMissed) {
	}

	/**
	 * @param firstFix completed orders no rework was opened on
	 * @param firstFixShare among completed orders, 0..1, or {@code null}
	 * @param reworked orders a rework was opened on
	 * @param rework orders that are themselves a rework
	 * @param reworkShare rework orders among the orders, 0..1, or {@code null}
	 * @param probableRework orders flagged as probably repeating an earlier repair that
	 * nobody has confirmed or dismissed yet (counted as rework once confirmed)
	 */
	public record Quality(long firstFix, Double firstFixShare, long reworked, long rework, Double reworkShare,
			long probableRework) {
	}

	/**
	 * @param rated orders the owner rated
	 * @param meanRating mean stars, or {@code null}
	 * @param good rated 4 or 5 stars
	 * @param followedUp follow-up calls made
	 * @param satisfied owners satisfied on the call
	 * @param satisfiedShare among the calls, 0..1, or {@code null}
	 * @param complaints complaints opened in the period (on the order's grade, category,
	 * channel and technician when the complaint names an order)
	 * @param complaintsPerThousandHomes complaints per 1,000 of the project's homes, to a
	 * hundredth, or {@code null} when the project has no homes on record
	 */
	public record Satisfaction(long rated, Double meanRating, long good, long followedUp, long satisfied,
			Double satisfiedShare, long complaints, Double complaintsPerThousandHomes) {
	}

	/**
	 * @param paidFen payments received
	 * @param approvedFen quotes approved
	 */
	public record Charges(long paidFen, long approvedFen) {
	}

	/**
	 * @param jobHours hours on site, from arrival to completion
	 * @param shiftHours on technician rows, the hours of the technician's rostered shifts
	 * in the period (on-call shifts left out), else {@code null}
	 * @param utilisation job hours over shift hours, or {@code null}
	 * @param shifts on technician rows, the rostered shifts in the period
	 * @param jobsPerShift completed jobs per rostered shift, or {@code null}
	 */
	public record Work(double jobHours, Double shiftHours, Double utilisation, Long shifts, Double jobsPerShift) {
	}

}
