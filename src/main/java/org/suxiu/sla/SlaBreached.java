package org.suxiu.sla;

import java.time.Instant;

/**
 * An order's clock passed its deadline before the milestone: the promise is broken.
 *
 * @param number order number
 * @param tenantId property company
 * @param projectId project
 * @param clock respond, arrive or complete
 * @param deadline when it was due
 * @param at when the breach was recorded
 */
public record SlaBreached(String number, long tenantId, long projectId, ClockName clock, Instant deadline, Instant at) {
}
