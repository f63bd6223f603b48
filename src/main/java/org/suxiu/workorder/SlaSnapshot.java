package org.suxiu.workorder;

import java.time.Instant;

/**
 * One SLA clock of an order as the SLA module last recorded it, kept on the order so that
 * reading an order needs no other module.
 *
 * @param clock respond, arrive or complete
 * @param startedAt when it started counting
 * @param deadline when it is due
 * @param metAt when its milestone was reached, or {@code null}
 * @param state RUNNING, MET, BREACHED, PAUSED or CANCELLED
 */
public record SlaSnapshot(String clock, Instant startedAt, Instant deadline, Instant metAt, String state) {
}
