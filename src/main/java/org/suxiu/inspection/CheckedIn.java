package org.suxiu.inspection;

import java.time.Instant;
import java.util.List;

/**
 * What a check-in recorded.
 *
 * @param roundId round
 * @param checkpointId checkpoint
 * @param at when
 * @param orders the orders raised for failed items or readings out of limits
 * @param roundFinished whether this was the round's last checkpoint
 */
public record CheckedIn(long roundId, long checkpointId, Instant at, List<String> orders, boolean roundFinished) {
}
