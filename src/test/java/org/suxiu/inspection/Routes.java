package org.suxiu.inspection;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.suxiu.Api;
import org.suxiu.Api.Response;

/**
 * Object mother for inspection: a pump-room and power-room route with a pass/fail item
 * and a pressure reading, and rounds of it.
 */
public final class Routes {

	private final Api api;

	public Routes(Api api) {
		this.api = api;
	}

	/** A route of two checkpoints; answers it (with checkpoint and item ids). */
	public JsonNode pumpAndPowerRooms() {
		Response route = api.post("manager", "/api/v1/inspection-routes",
				Map.of("projectCode", "DEMO", "name", "设备房巡查-" + System.nanoTime() % 10_000_000, "checkpoints", List.of(
						Map.of("name", "水泵房", "place", "水泵房", "items",
								List.of(Map.of("text", "水泵运行声音正常", "kind", "PASS_FAIL"),
										Map.of("text", "出水压力", "kind", "READING", "min", 0.2, "max", 0.6, "unit",
												"MPa"))),
						Map.of("name", "配电房", "place", "配电房", "items",
								List.of(Map.of("text", "配电柜无焦糊味", "kind", "PASS_FAIL"))))));
		if (route.status() != 201) {
			throw new IllegalStateException("cannot create the route: " + route.body());
		}
		return route.body();
	}

	/**
	 * A round of the route for the technician, open from ten minutes ago for two hours.
	 */
	public long round(JsonNode route, String technician) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
		Response round = api.post("supervisor", "/api/v1/inspection-rounds",
				Map.of("routeId", route.get("id").asLong(), "assignee", technician, "dueFrom",
						now.minusMinutes(10).toString(), "dueBy", now.plusHours(2).toString()));
		if (round.status() != 201) {
			throw new IllegalStateException("cannot plan the round: " + round.body());
		}
		return round.body().get("id").asLong();
	}

	public static JsonNode checkpoint(JsonNode route, int index) {
		return route.get("checkpoints").get(index);
	}

	public static long item(JsonNode route, int checkpoint, int item) {
		return checkpoint(route, checkpoint).get("items").get(item).get("id").asLong();
	}

}
