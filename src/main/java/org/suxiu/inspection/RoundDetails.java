package org.suxiu.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A round with each checkpoint's check-in and results: the round's page and its printed
 * sheet.
 *
 * @param round the round
 * @param route its route
 * @param points each checkpoint in walking order with what was recorded
 */
public record RoundDetails(RoundView round, RouteView route, List<PointStatus> points) {

	/** A checkpoint and its check-in, if done. */
	public record PointStatus(RouteView.CheckpointView checkpoint, Instant checkedInAt, Double lat, Double lng,
			List<ResultView> results) {
	}

	/** A recorded result, with the order it raised if it failed. */
	public record ResultView(long itemId, boolean pass, BigDecimal value, String note, String orderNumber) {
	}

}
