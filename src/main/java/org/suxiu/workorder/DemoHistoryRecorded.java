package org.suxiu.workorder;

import java.time.Instant;

/**
 * The demo project's past month of orders is stored (reported from {@code from} to
 * {@code to}), so that other modules can add what they keep about that past, such as SLA
 * clocks.
 *
 * @param tenantId the demo company
 * @param projectId the demo project
 * @param from start of the history
 * @param to end of the history (exclusive)
 */
public record DemoHistoryRecorded(long tenantId, long projectId, Instant from, Instant to) {
}
