package org.suxiu.workorder;

import java.time.Instant;

/**
 * The owner accepted the work (验收) with a rating.
 *
 * @param number order number
 * @param tenantId property company
 * @param rating 1 to 5
 * @param at when
 */
public record WorkAccepted(String number, long tenantId, int rating, Instant at) implements WorkOrderEvent {
}
