package org.suxiu.workorder;

import java.time.Instant;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * An order was sent to a technician (派工).
 *
 * @param number order number
 * @param tenantId property company
 * @param projectId project
 * @param grade grade
 * @param category repair type
 * @param technicianId the technician
 * @param dispatcher who dispatched, or {@code system}
 * @param at when
 * @param previousTechnicianId on a re-dispatch, the technician who had it before, else
 * {@code null}
 */
public record WorkOrderDispatched(String number, long tenantId, long projectId, Grade grade, Category category,
		long technicianId, String dispatcher, Instant at, Long previousTechnicianId) implements WorkOrderEvent {
}
