package org.suxiu.maintenance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan raised its order for a due day (once per plan and day, whichever instance ran
 * the generator).
 *
 * @param planId plan
 * @param assetId equipment
 * @param tenantId property company
 * @param projectId project
 * @param dueOn nominal due day
 * @param workOn planned day
 * @param number the order raised
 * @param at when
 */
public record PlanWorkGenerated(long planId, long assetId, long tenantId, long projectId, LocalDate dueOn,
		LocalDate workOn, String number, Instant at) {
}
