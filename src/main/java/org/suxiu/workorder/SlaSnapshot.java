package org.suxiu.workorder;

import java.time.Instant;
import java.util.List;

/**
 * One SLA clock of an order as the SLA engine keeps it.
 *
 * @param clock respond, arrive or complete
 * @param startedAt when it started counting
 * @param deadline when it is due
 * @param metAt when its milestone was reached, or {@code null}
 * @param state RUNNING, MET, BREACHED, PAUSED or CANCELLED
 */
public record SlaSnapshot(String clock, Instant startedAt, Instant deadline, Instant metAt, String state) {

	/**
	 * The deadline of the named clock among {@code clocks}, or {@code null} if it has
	 * none.
	 */
	public static Instant deadlineOf(List<SlaSnapshot> clocks, String clock) {
		return clocks.stream().filter(c -> c.clock().equals(clock)).map(SlaSnapshot::deadline).findFirst().orElse(null);
	}

}
