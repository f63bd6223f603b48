package org.suxiu.sla;

import java.time.Instant;

/**
 * A share of an order's limit has passed without its milestone (by default at 50 % and 80
 * %).
 *
 * @param number order number
 * @param tenantId property company
 * @param projectId project
 * @param clock respond, arrive or complete
 * @param fraction the share of the limit that has passed
 * @param deadline when the clock is due
 * @param at when the warning was raised
 */
public record SlaWarningRaised(String number, long tenantId, long projectId, ClockName clock, double fraction,
		Instant deadline, Instant at) {
}
