package org.suxiu.maintenance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Planned work was not completed by its planned day and was escalated (once).
 *
 * @param planId plan
 * @param projectId project
 * @param workOn the planned day
 * @param number the order
 * @param at when it was escalated
 */
public record PlanWorkOverdue(long planId, long projectId, LocalDate workOn, String number, Instant at) {
}
