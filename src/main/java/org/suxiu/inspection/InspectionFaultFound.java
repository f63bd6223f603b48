package org.suxiu.inspection;

import java.time.Instant;

/**
 * A check on a round failed and raised an order.
 *
 * @param roundId round
 * @param checkpointId checkpoint
 * @param itemId the failed item
 * @param assetId the equipment, or {@code null}
 * @param number the order raised
 * @param at when
 */
public record InspectionFaultFound(long roundId, long checkpointId, long itemId, Long assetId, String number,
		Instant at) {
}
