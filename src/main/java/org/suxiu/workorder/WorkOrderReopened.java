package org.suxiu.workorder;

import java.time.Instant;

/**
 * The repair did not hold; a rework order (返修) was opened.
 *
 * @param number the original order
 * @param tenantId property company
 * @param reworkNumber the new rework order
 * @param at when
 */
public record WorkOrderReopened(String number, long tenantId, String reworkNumber,
		Instant at) implements WorkOrderEvent {
}
