package org.suxiu.inspection;

import java.math.BigDecimal;
import java.util.List;

/**
 * A check-in at a checkpoint, as sent to {@code POST
 * /api/v1/inspection-rounds/{id}/checkins}.
 *
 * @param checkpointId the checkpoint (from its QR label)
 * @param lat the phone's latitude, if it gave one
 * @param lng the phone's longitude, if it gave one
 * @param results one per check item of the checkpoint
 */
public record Checkin(Long checkpointId, Double lat, Double lng, List<Result> results) {

	/**
	 * One item's result: {@code pass} for PASS_FAIL items, {@code value} for readings.
	 */
	public record Result(Long itemId, Boolean pass, BigDecimal value, String note) {
	}

}
