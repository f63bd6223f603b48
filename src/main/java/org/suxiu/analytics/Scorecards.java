package org.suxiu.analytics;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A project's technicians side by side for one month (考核): each one's card and the team's
 * figures to compare with.
 *
 * @param projectCode project
 * @param month the month
 * @param technicians one card per technician serving the project, best on-time share
 * first
 * @param team the whole team's figures
 */
public record Scorecards(String projectCode, YearMonth month, List<Card> technicians, KpiRow team) {

	/**
	 * One technician's month.
	 *
	 * @param technicianId the technician
	 * @param name their name
	 * @param jobs jobs completed
	 * @param onTimeShare completed jobs with every promise kept, 0..1, or {@code null}
	 * @param firstFixShare completed jobs not reworked, 0..1, or {@code null}
	 * @param meanRating the owners' mean stars, or {@code null}
	 * @param rated how many owners rated
	 * @param breached jobs with a promise broken
	 * @param complaints complaints opened in the month about the technician's orders
	 * @param jobHours hours on site
	 * @param utilisation hours on jobs over rostered hours, or {@code null}
	 * @param jobsPerShift completed jobs per rostered shift, or {@code null}
	 * @param remark the supervisor's remark, or {@code null}
	 * @param figures every figure of the month, as in a KPI row
	 */
	public record Card(long technicianId, String name, long jobs, Double onTimeShare, Double firstFixShare,
			Double meanRating, long rated, long breached, long complaints, double jobHours, Double utilisation,
			Double jobsPerShift, Remark remark, KpiRow figures) {
	}

	/**
	 * A supervisor's remark on a technician's month.
	 *
	 * @param text the remark
	 * @param by who wrote it
	 * @param at when
	 */
	public record Remark(String text, String by, Instant at) {
	}

}
