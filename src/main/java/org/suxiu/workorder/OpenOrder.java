package org.suxiu.workorder;

import java.time.Instant;

/**
 * An order not yet completed, as a planner sees it.
 *
 * @param facts what other modules may know of it
 * @param completeBy its completion promise, or {@code null}
 */
public record OpenOrder(OrderFacts facts, Instant completeBy) {
}
