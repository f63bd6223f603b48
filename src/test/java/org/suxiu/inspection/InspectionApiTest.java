package org.suxiu.inspection;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Part;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;
import org.suxiu.attachment.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rounds over the API: the assignee checks in at each checkpoint with results; a failed
 * item or a reading out of limits raises an order; bad check-ins are refused and record
 * nothing.
 */
class InspectionApiTest extends ApplicationTest {

	private final Routes routes() {
		return new Routes(api);
	}

	private Response checkIn(String who, long round, JsonNode route, int checkpoint,
			List<Map<String, Object>> results) {
		return api.post(who, "/api/v1/inspection-rounds/" + round + "/checkins",
				Map.of("checkpointId", Routes.checkpoint(route, checkpoint).get("id").asLong(), "lat", 31.2304, "lng",
						121.4737, "results", results));
	}

	@Test
	void aReadingOutOfLimitsRaisesAnInspectionOrderAndTheRoundFinishes() {
		JsonNode route = routes().pumpAndPowerRooms();
		long round = routes().round(route, "tech03");

		Response pump = checkIn("tech03", round, route, 0,
				List.of(Map.of("itemId", Routes.item(route, 0, 0), "pass", true),
						Map.of("itemId", Routes.item(route, 0, 1), "value", 0.95, "note", "压力表指针抖动")));
		Response power = checkIn("tech03", round, route, 1,
				List.of(Map.of("itemId", Routes.item(route, 1, 0), "pass", true)));

		assertThat(pump.status()).isEqualTo(201);
		assertThat(pump.body().get("orders")).hasSize(1);
		assertThat(power.body().get("orders")).isEmpty();
		assertThat(power.body().get("roundFinished").asBoolean()).isTrue();
		JsonNode order = api.get("dispatcher", "/api/v1/work-orders/" + pump.body().get("orders").get(0).asString())
			.body();
		assertThat(order.get("channel").asString()).isEqualTo("INSPECTION");
		assertThat(order.get("gradeSource").asString()).isEqualTo("AUTO");
		assertThat(order.get("description").asString()).contains("出水压力", "0.95", "压力表指针抖动");
		assertThat(order.get("location").get("area").asString()).isEqualTo("水泵房");
		JsonNode details = api.get("supervisor", "/api/v1/inspection-rounds/" + round).body();
		assertThat(details.get("round").get("state").asString()).isEqualTo("DONE");
		assertThat(details.get("points").get(0).get("lat").asDouble()).isEqualTo(31.2304);
	}

	@Test
	void aFailedCheckOfEquipmentNamesItAndTheAssetPageListsTheRound() {
		long pump = api
			.post("manager", "/api/v1/assets", Map.of("projectCode", "DEMO", "place", "水泵房", "type", "WATER_PUMP",
					"name", "巡检水泵-" + System.nanoTime() % 1_000_000))
			.body()
			.get("id")
			.asLong();
		JsonNode route = api.post("manager", "/api/v1/inspection-routes",
				Map.of("projectCode", "DEMO", "name", "水泵巡查-" + pump, "checkpoints",
						List.of(Map.of("name", "生活水泵", "place", "水泵房", "assetId", pump, "items",
								List.of(Map.of("text", "水泵无漏水", "kind", "PASS_FAIL"))))))
			.body();
		long round = routes().round(route, "tech03");

		Response checked = checkIn("tech03", round, route, 0,
				List.of(Map.of("itemId", Routes.item(route, 0, 0), "pass", false, "note", "机械密封处滴水")));

		String number = checked.body().get("orders").get(0).asString();
		assertThat(api.get("dispatcher", "/api/v1/work-orders/" + number).body().get("assetId").asLong())
			.isEqualTo(pump);
		JsonNode asset = api.get("manager", "/api/v1/assets/" + pump).body();
		assertThat(asset.get("rounds").get(0).get("passed").asBoolean()).isFalse();
		assertThat(asset.get("orders").findValuesAsString("number")).contains(number);
	}

	@Test
	void aFailedItemRaisesAnOrder() {
		JsonNode route = routes().pumpAndPowerRooms();
		long round = routes().round(route, "tech03");

		Response power = checkIn("tech03", round, route, 1,
				List.of(Map.of("itemId", Routes.item(route, 1, 0), "pass", false, "note", "有焦糊味，疑似线缆过热")));

		assertThat(power.body().get("orders")).hasSize(1);
		assertThat(power.body().get("roundFinished").asBoolean()).isFalse();
	}

	@Test
	void onlyTheAssigneeChecksInAndNothingIsRecordedOtherwise() {
		JsonNode route = routes().pumpAndPowerRooms();
		long round = routes().round(route, "tech03");
		List<Map<String, Object>> ok = List.of(Map.of("itemId", Routes.item(route, 1, 0), "pass", true));

		Response otherTechnician = checkIn("tech04", round, route, 1, ok);
		Response supervisor = checkIn("supervisor", round, route, 1, ok);
		Response otherCompany = checkIn("north-tech01", round, route, 1, ok);

		assertThat(otherTechnician.status()).isEqualTo(404);
		assertThat(supervisor.status()).isEqualTo(403);
		assertThat(otherCompany.status()).isEqualTo(404);
		assertThat(api.get("supervisor", "/api/v1/inspection-rounds/" + round)
			.body()
			.get("round")
			.get("checkedIn")
			.asInt()).isZero();
	}

	@Test
	void readingsOfTheWrongTypeOrMissingItemsAreRefused() {
		JsonNode route = routes().pumpAndPowerRooms();
		long round = routes().round(route, "tech03");

		Response passForReading = checkIn("tech03", round, route, 0,
				List.of(Map.of("itemId", Routes.item(route, 0, 0), "pass", true),
						Map.of("itemId", Routes.item(route, 0, 1), "pass", true)));
		Response readingForPass = checkIn("tech03", round, route, 0,
				List.of(Map.of("itemId", Routes.item(route, 0, 0), "value", 3),
						Map.of("itemId", Routes.item(route, 0, 1), "value", 0.4)));
		Response missing = checkIn("tech03", round, route, 0,
				List.of(Map.of("itemId", Routes.item(route, 0, 0), "pass", true)));
		Response notANumber = api.post("tech03", "/api/v1/inspection-rounds/" + round + "/checkins",
				"{\"checkpointId\":" + Routes.checkpoint(route, 0).get("id").asLong() + ",\"results\":[{\"itemId\":"
						+ Routes.item(route, 0, 1) + ",\"value\":\"high\"}]}");

		assertThat(List.of(passForReading.status(), readingForPass.status(), missing.status(), notANumber.status()))
			.containsOnly(400);
		assertThat(passForReading.isProblem()).isTrue();
		assertThat(api.get("supervisor", "/api/v1/inspection-rounds/" + round)
			.body()
			.get("round")
			.get("checkedIn")
			.asInt()).isZero();
	}

	@Test
	void aCheckpointIsCheckedInOnceAndAnUnknownOneIsRefused() {
		JsonNode route = routes().pumpAndPowerRooms();
		JsonNode other = routes().pumpAndPowerRooms();
		long round = routes().round(route, "tech03");
		List<Map<String, Object>> ok = List.of(Map.of("itemId", Routes.item(route, 1, 0), "pass", true));
		checkIn("tech03", round, route, 1, ok);

		Response again = checkIn("tech03", round, route, 1, ok);
		Response foreign = checkIn("tech03", round, other, 1,
				List.of(Map.of("itemId", Routes.item(other, 1, 0), "pass", true)));

		assertThat(again.status()).isEqualTo(409);
		assertThat(foreign.status()).isEqualTo(400);
	}

	@Test
	void aRouteWithAnUnknownPlaceOrAReadingWithoutLimitsIsRefused() {
		Response bad = api.post("manager", "/api/v1/inspection-routes", Map
			.of("projectCode", "DEMO", "name", "坏路线", "checkpoints", List
				.of(Map.of("name", "某处", "place", "不存在", "items", List.of(Map.of("text", "读数", "kind", "READING"))))));

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsString("field")).contains("checkpoints[0].place",
				"checkpoints[0].items[0]");
	}

	@Test
	void aCheckInTakesPhotosThatTheRoundShowsToWhoeverMaySeeIt() throws Exception {
		JsonNode route = routes().pumpAndPowerRooms();
		long round = routes().round(route, "tech03");

		Response checked = api.multipart("tech03", "/api/v1/inspection-rounds/" + round + "/checkins",
				List.of(Part.json("checkin", powerRoomAllGood(route)),
						Part.file("photo", "配电柜.jpg", TestImages.jpeg(640, 480)),
						Part.file("photo", "仪表.jpg", TestImages.jpeg(320, 240))));

		assertThat(checked.status()).as(checked.body().toString()).isEqualTo(201);
		JsonNode photos = api.get("supervisor", "/api/v1/inspection-rounds/" + round)
			.body()
			.get("points")
			.get(1)
			.get("photos");
		assertThat(photos).hasSize(2);
		assertThat(photos.get(0).get("width").asInt()).isEqualTo(640);
		String photo = "/api/v1/inspection-rounds/" + round + "/photos/" + photos.get(0).get("id").asString();
		HttpResponse<byte[]> thumbnail = api.download("supervisor", photo + "/thumbnail");
		assertThat(thumbnail.statusCode()).isEqualTo(200);
		assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(api.download("tech03", photo).statusCode()).isEqualTo(200);
		assertThat(api.download("north-agent", photo).statusCode()).isEqualTo(404);
		assertThat(api
			.download("supervisor", "/api/v1/inspection-rounds/" + round + "/photos/" + java.util.UUID.randomUUID())
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aFileThatIsNoPhotoTooLargeOrOneTooManyIsRefusedAndNothingIsRecorded() {
		JsonNode route = routes().pumpAndPowerRooms();
		long round = routes().round(route, "tech03");
		String path = "/api/v1/inspection-rounds/" + round + "/checkins";
		byte[] oversized = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(TestImages.jpeg(16, 16), 0, oversized, 0, 64);

		Response program = api.multipart("tech03", path, List.of(Part.json("checkin", powerRoomAllGood(route)),
				Part.file("photo", "photo.jpg", TestImages.executable())));
		Response tooLarge = api.multipart("tech03", path,
				List.of(Part.json("checkin", powerRoomAllGood(route)), Part.file("photo", "big.jpg", oversized)));
		Response fourPhotos = api.multipart("tech03", path, List.of(Part.json("checkin", powerRoomAllGood(route)),
				Part.file("photo", "1.jpg", TestImages.jpeg(8, 8)), Part.file("photo", "2.jpg", TestImages.jpeg(8, 8)),
				Part.file("photo", "3.jpg", TestImages.jpeg(8, 8)),
				Part.file("photo", "4.jpg", TestImages.jpeg(8, 8))));

		assertThat(program.status()).isEqualTo(415);
		assertThat(program.contentType()).startsWith("application/problem+json");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(fourPhotos.status()).isEqualTo(400);
		assertThat(fourPhotos.body().get("errors").findValuesAsString("field")).contains("photo");
		JsonNode details = api.get("supervisor", "/api/v1/inspection-rounds/" + round).body();
		assertThat(details.get("round").get("checkedIn").asInt()).isZero();
		assertThat(details.get("points").get(1).get("photos")).isEmpty();
		Response afterwards = api.multipart("tech03", path, List.of(Part.json("checkin", powerRoomAllGood(route)),
				Part.file("photo", "ok.png", TestImages.jpeg(32, 32))));
		assertThat(afterwards.status()).isEqualTo(201);
	}

	private static String powerRoomAllGood(JsonNode route) {
		return "{\"checkpointId\":" + Routes.checkpoint(route, 1).get("id").asLong() + ",\"results\":[{\"itemId\":"
				+ Routes.item(route, 1, 0) + ",\"pass\":true}]}";
	}

}
