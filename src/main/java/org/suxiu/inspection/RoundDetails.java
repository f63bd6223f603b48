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

	/** A checkpoint and its check-in, if done, with the photos taken there. */
	public record PointStatus(RouteView.CheckpointView checkpoint, Instant checkedInAt, Double lat, Double lng,
			List<ResultView> results, List<PhotoView> photos) {

		/** The result recorded for an item, or {@code null}. */
		public ResultView resultOf(RouteView.ItemView item) {
			return results.stream().filter(r -> r.itemId() == item.id()).findFirst().orElse(null);
		}

		/** The item a result answers, by its id. */
		public RouteView.ItemView itemOf(ResultView result) {
			return checkpoint.items().stream().filter(i -> i.id() == result.itemId()).findFirst().orElse(null);
		}

	}

	/** A recorded result, with the order it raised if it failed. */
	public record ResultView(long itemId, boolean pass, BigDecimal value, String note, String orderNumber) {
	}

}
