package org.suxiu.inspection;

import java.math.BigDecimal;
import java.util.List;

/**
 * A route with its checkpoints and items.
 *
 * @param id route id
 * @param projectCode project
 * @param name name
 * @param checkpoints in walking order
 * @param version sent back with an edit; a stale one answers 409
 */
public record RouteView(long id, String projectCode, String name, List<CheckpointView> checkpoints, int version) {

	/** A checkpoint of the route. */
	public record CheckpointView(long id, long routeId, int seq, String name, String place, Long assetId,
			List<ItemView> items) {
	}

	/** A check item; {@code min}, {@code max} and {@code unit} for readings. */
	public record ItemView(long id, String text, ItemKind kind, BigDecimal min, BigDecimal max, String unit) {

		/** Whether a reading lies within the limits. */
		public boolean within(BigDecimal value) {
			return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
		}

	}

}
