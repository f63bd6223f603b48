package org.suxiu.inspection;

import java.math.BigDecimal;
import java.util.List;

/**
 * A route as sent to {@code POST /api/v1/inspection-routes}.
 *
 * @param projectCode the project
 * @param name the route's name, unique in the project (e.g. 夜间安全巡查)
 * @param checkpoints its checkpoints in walking order
 */
public record NewRoute(String projectCode, String name, List<Point> checkpoints) {

	/**
	 * A checkpoint.
	 *
	 * @param id when editing a route, the checkpoint kept (its QR label stays valid);
	 * {@code null} for a new one
	 * @param name e.g. 水泵房
	 * @param place the common area it stands in
	 * @param assetId the equipment checked there, if any
	 * @param items what is checked
	 */
	public record Point(Long id, String name, String place, Long assetId, List<Item> items) {
	}

	/**
	 * A check item.
	 *
	 * @param id when editing a route, the item kept; {@code null} for a new one
	 * @param text what is checked, in words (also the order's words when it fails)
	 * @param kind PASS_FAIL or READING
	 * @param min lowest good reading (READING), or {@code null}
	 * @param max highest good reading (READING), or {@code null}
	 * @param unit the reading's unit, e.g. MPa
	 */
	public record Item(Long id, String text, ItemKind kind, BigDecimal min, BigDecimal max, String unit) {
	}

}
