package org.suxiu.analytics;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A project's monthly report (月报) was generated; the managers are told where to read it.
 *
 * @param tenantId property company
 * @param projectId project
 * @param projectCode its code
 * @param projectName its name
 * @param month the month it covers
 * @param path where a signed-in manager's browser opens the PDF
 * ({@code /manager/kpis/report.pdf?project={code}&month={month}}; programs use
 * {@code /api/v1/projects/{code}/reports/{month}.pdf})
 * @param at when it was generated
 */
public record MonthlyReportReady(long tenantId, long projectId, String projectCode, String projectName, YearMonth month,
		String path, Instant at) {
}
