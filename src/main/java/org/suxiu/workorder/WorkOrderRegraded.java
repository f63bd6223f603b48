package org.suxiu.workorder;

import java.time.Instant;

import org.suxiu.shared.Grade;

/**
 * Staff changed an order's grade.
 *
 * @param number order number
 * @param tenantId property company
 * @param from the old grade
 * @param to the new grade
 * @param reason why
 * @param at when
 */
public record WorkOrderRegraded(String number, long tenantId, Grade from, Grade to, String reason,
		Instant at) implements WorkOrderEvent {
}
