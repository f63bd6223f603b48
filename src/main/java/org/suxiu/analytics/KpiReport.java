package org.suxiu.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * A KPI table: a project's period split by one {@link GroupBy}, its total, and the total
 * of the period just before (the same number of whole months, else of days) to compare
 * with: month over month, week over week.
 *
 * @param projectCode project
 * @param projectName its name
 * @param from first day (the project's zone)
 * @param to last day, inclusive
 * @param groupBy how the rows split the period
 * @param rows the rows, in order of grade, category, channel, technician name or time
 * @param total the whole period
 * @param previousFrom first day of the period before
 * @param previousTo last day of the period before
 * @param previous the total of the period before
 */
public record KpiReport(String projectCode, String projectName, LocalDate from, LocalDate to, GroupBy groupBy,
		List<KpiRow> rows, KpiRow total, LocalDate previousFrom, LocalDate previousTo, KpiRow previous) {
}
