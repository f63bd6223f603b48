package org.suxiu.analytics;

import java.time.LocalDate;

/**
 * Which orders behind a figure: a project's days, narrowed like a KPI row, and the
 * figure.
 *
 * @param projectCode project
 * @param from first day
 * @param to last day, inclusive
 * @param grade only this grade, or {@code null}
 * @param category only this repair type, or {@code null}
 * @param channel only this channel, or {@code null}
 * @param technicianId only this technician's, or {@code null}
 * @param figure the figure
 */
public record DrillDown(String projectCode, LocalDate from, LocalDate to, String grade, String category, String channel,
		Long technicianId, Figure figure) {
}
