package org.suxiu.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing a route over the API: kept checkpoints keep their ids (and QR labels), removed
 * ones leave new rounds but stay on past ones, a stale version or another route's
 * checkpoint is refused and changes nothing.
 */
class RouteEditTest extends ApplicationTest {

	private Routes routes() {
		return new Routes(api);
	}

	/** The route as an edit body: every checkpoint and item kept with its id. */
	private static Map<String, Object> asChange(JsonNode route) {
		List<Map<String, Object>> points = new ArrayList<>();
		for (JsonNode cp : route.get("checkpoints")) {
			List<Map<String, Object>> items = new ArrayList<>();
			for (JsonNode it : cp.get("items")) {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("id", it.get("id").asLong());
				item.put("text", it.get("text").asString());
				item.put("kind", it.get("kind").asString());
				if (!it.get("min").isNull()) {
					item.put("min", it.get("min").decimalValue());
				}
				if (!it.get("max").isNull()) {
					item.put("max", it.get("max").decimalValue());
				}
				items.add(item);
			}
			Map<String, Object> point = new LinkedHashMap<>();
			point.put("id", cp.get("id").asLong());
			point.put("name", cp.get("name").asString());
			point.put("place", cp.get("place").asString());
			point.put("items", items);
			points.add(point);
		}
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("name", route.get("name").asString());
		change.put("version", route.get("version").asInt());
		change.put("checkpoints", points);
		return change;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> points(Map<String, Object> change) {
		return (List<Map<String, Object>>) change.get("checkpoints");
	}

	@Test
	void aRemovedCheckpointLeavesNewRoundsButStaysOnThePastOneWithItsResults() {
		JsonNode route = routes().pumpAndPowerRooms();
		long pumpRoom = Routes.checkpoint(route, 0).get("id").asLong();
		long powerRoom = Routes.checkpoint(route, 1).get("id").asLong();
		long past = routes().round(route, "tech03");
		api.post("tech03", "/api/v1/inspection-rounds/" + past + "/checkins",
				Map.of("checkpointId", pumpRoom, "results",
						List.of(Map.of("itemId", Routes.item(route, 0, 0), "pass", true),
								Map.of("itemId", Routes.item(route, 0, 1), "value", 0.4))));
		Map<String, Object> change = asChange(route);
		change.put("name", route.get("name").asString() + "（改）");
		points(change).remove(0);
		points(change).add(Map.of("name", "消防泵房", "place", "水泵房", "items",
				List.of(Map.of("text", "消防泵压力", "kind", "READING", "min", 0.3, "unit", "MPa"))));

		Response changed = api.put("supervisor", "/api/v1/inspection-routes/" + route.get("id").asLong(), change);

		assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
		assertThat(changed.body().get("checkpoints").findValuesAsString("name")).containsExactly("配电房", "消防泵房");
		assertThat(changed.body().get("checkpoints").get(0).get("id").asLong()).isEqualTo(powerRoom);
		assertThat(changed.body().get("version").asInt()).isEqualTo(route.get("version").asInt() + 1);
		JsonNode pastRound = api.get("supervisor", "/api/v1/inspection-rounds/" + past).body();
		assertThat(pastRound.get("points").findValuesAsString("name")).contains("水泵房");
		assertThat(pastRound.get("points").get(0).get("results")).hasSize(2);
		long fresh = routes().round(changed.body(), "tech03");
		JsonNode freshRound = api.get("supervisor", "/api/v1/inspection-rounds/" + fresh).body();
		assertThat(freshRound.get("route").get("checkpoints").findValuesAsString("name")).containsExactly("配电房",
				"消防泵房");
		assertThat(freshRound.get("round").get("checkpoints").asInt()).isEqualTo(2);
		assertThat(api.get("supervisor", "/api/v1/checkpoints/" + pumpRoom + "/label.png").status()).isEqualTo(404);
	}

	@Test
	void anItemKeptByItsIdTakesNewLimitsAndARemovedItemIsNoLongerAsked() {
		JsonNode route = routes().pumpAndPowerRooms();
		Map<String, Object> change = asChange(route);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> pumpItems = (List<Map<String, Object>>) points(change).get(0).get("items");
		pumpItems.get(1).put("max", 0.8);
		pumpItems.remove(0);

		Response changed = api.put("supervisor", "/api/v1/inspection-routes/" + route.get("id").asLong(), change);

		JsonNode items = changed.body().get("checkpoints").get(0).get("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("id").asLong()).isEqualTo(Routes.item(route, 0, 1));
		assertThat(items.get(0).get("max").decimalValue()).isEqualByComparingTo("0.8");
		long round = routes().round(changed.body(), "tech03");
		Response within = api.post("tech03", "/api/v1/inspection-rounds/" + round + "/checkins",
				Map.of("checkpointId", Routes.checkpoint(route, 0).get("id").asLong(), "results",
						List.of(Map.of("itemId", Routes.item(route, 0, 1), "value", 0.75))));
		assertThat(within.status()).isEqualTo(201);
		assertThat(within.body().get("orders")).isEmpty();
	}

	@Test
	void aStaleVersionAnswers409AndChangesNothing() {
		JsonNode route = routes().pumpAndPowerRooms();
		String path = "/api/v1/inspection-routes/" + route.get("id").asLong();
		Map<String, Object> first = asChange(route);
		first.put("name", route.get("name").asString() + "-甲");
		Map<String, Object> second = asChange(route);
		second.put("name", route.get("name").asString() + "-乙");

		Response one = api.put("supervisor", path, first);
		Response two = api.put("manager", path, second);

		assertThat(one.status()).isEqualTo(200);
		assertThat(two.status()).isEqualTo(409);
		assertThat(two.contentType()).startsWith("application/problem+json");
		assertThat(api.get("supervisor", path).body().get("name").asString()).endsWith("-甲");
	}

	@Test
	void anotherRoutesCheckpointABadItemOrAnOutsiderIsRefused() {
		JsonNode route = routes().pumpAndPowerRooms();
		JsonNode other = routes().pumpAndPowerRooms();
		String path = "/api/v1/inspection-routes/" + route.get("id").asLong();
		Map<String, Object> foreign = asChange(route);
		Map<String, Object> stolen = new LinkedHashMap<>(points(foreign).get(1));
		stolen.put("id", Routes.checkpoint(other, 1).get("id").asLong());
		points(foreign).set(1, stolen);
		Map<String, Object> noItems = asChange(route);
		points(noItems).get(1).put("items", List.of());

		Response byForeign = api.put("supervisor", path, foreign);
		Response byEmpty = api.put("supervisor", path, noItems);
		Response byTechnician = api.put("tech03", path, asChange(route));
		Response byOtherCompany = api.put("north-dispatcher", path, asChange(route));

		assertThat(byForeign.status()).isEqualTo(400);
		assertThat(byForeign.body().get("errors").findValuesAsString("field")).contains("checkpoints[1].id");
		assertThat(byEmpty.status()).isEqualTo(400);
		assertThat(byTechnician.status()).isEqualTo(403);
		assertThat(byOtherCompany.status()).isEqualTo(404);
		JsonNode unchanged = api.get("supervisor", path).body();
		assertThat(unchanged.get("version").asInt()).isEqualTo(route.get("version").asInt());
		assertThat(unchanged.get("checkpoints")).hasSize(2);
	}

}
