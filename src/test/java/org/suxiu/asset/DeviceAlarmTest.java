package org.suxiu.asset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;
import org.suxiu.Together;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device alarms: a device authenticates with its own key (and optionally signs), a new
 * alarm opens one order linked to the equipment, repeats count on it, a clearing is
 * recorded, an alarm back soon after clearing reopens the same order.
 */
class DeviceAlarmTest extends ApplicationTest {

	private static final String LIFT_ENTRAPMENT = "{\"type\":\"LIFT_ENTRAPMENT\",\"severity\":\"CRITICAL\",\"value\":1}";

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * The orders alarms opened: cancelled after each test, so the L1s leave the
	 * dispatchers' banner.
	 */
	private final Set<String> opened = java.util.concurrent.ConcurrentHashMap.newKeySet();

	@org.junit.jupiter.api.AfterEach
	void cancelOpenedOrders() {
		for (String number : opened) {
			api.post("dispatcher", "/api/v1/work-orders/" + number + "/cancel", java.util.Map.of("reason", "测试结束"));
		}
	}

	private Equipment equipment() {
		return new Equipment(api);
	}

	@Test
	void aLiftEntrapmentOpensAnL1OrderForTheLift() {
		long lift = equipment().lift();
		JsonNode device = equipment().device(lift);

		Alarm opened = send(device, LIFT_ENTRAPMENT);
		Response order = api.get("dispatcher", "/api/v1/work-orders/" + opened.body().get("number").asString());

		assertThat(opened.status()).isEqualTo(202);
		assertThat(opened.body().get("outcome").asString()).isEqualTo("OPENED");
		assertThat(order.body().get("grade").asString()).isEqualTo("L1");
		assertThat(order.body().get("channel").asString()).isEqualTo("IOT");
		assertThat(order.body().get("category").asString()).isEqualTo("ELEVATOR");
		assertThat(order.body().get("assetId").asLong()).isEqualTo(lift);
		assertThat(order.body().get("location").get("area").asString()).isEqualTo("1号楼1号电梯");
	}

	@Test
	void aWaterLeakAtThePumpRoomIsL1() {
		JsonNode device = equipment().device(equipment().pump());

		Alarm opened = send(device, "{\"type\":\"WATER_LEAK\",\"severity\":\"MAJOR\",\"value\":\"12mm\"}");

		Response order = api.get("dispatcher", "/api/v1/work-orders/" + opened.body().get("number").asString());
		assertThat(order.body().get("grade").asString()).isEqualTo("L1");
		assertThat(order.body().get("description").asString()).contains("漏水报警", "12mm");
	}

	@Test
	void repeatsCountOnTheSameOrderAndAClearingIsRecorded() {
		JsonNode device = equipment().device(equipment().lift());
		String number = send(device, LIFT_ENTRAPMENT).body().get("number").asString();

		Alarm repeat = send(device, LIFT_ENTRAPMENT);
		Alarm again = send(device, LIFT_ENTRAPMENT);
		Alarm cleared = send(device, "{\"type\":\"LIFT_ENTRAPMENT\",\"severity\":\"CRITICAL\",\"state\":\"CLEARED\"}");

		assertThat(repeat.body().get("outcome").asString()).isEqualTo("REPEATED");
		assertThat(again.body().get("number").asString()).isEqualTo(number);
		assertThat(again.body().get("repeats").asInt()).isEqualTo(3);
		assertThat(cleared.body().get("outcome").asString()).isEqualTo("CLEARED");
		assertThat(api.get("dispatcher", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.findValuesAsString("action")).contains("alarm-cleared");
	}

	@Test
	void anAlarmBackSoonAfterClearingReopensTheSameOrder() {
		JsonNode device = equipment().device(equipment().lift());
		String number = send(device, LIFT_ENTRAPMENT).body().get("number").asString();
		send(device, "{\"type\":\"LIFT_ENTRAPMENT\",\"severity\":\"CRITICAL\",\"state\":\"CLEARED\"}");

		Alarm back = send(device, LIFT_ENTRAPMENT);

		assertThat(back.body().get("outcome").asString()).isEqualTo("REOPENED");
		assertThat(back.body().get("number").asString()).isEqualTo(number);
	}

	@Test
	void anotherTypeOfAlarmOpensItsOwnOrder() {
		JsonNode device = equipment().device(equipment().lift());
		String entrapment = send(device, LIFT_ENTRAPMENT).body().get("number").asString();

		Alarm fault = send(device, "{\"type\":\"LIFT_FAULT\",\"severity\":\"MAJOR\"}");

		assertThat(fault.body().get("outcome").asString()).isEqualTo("OPENED");
		assertThat(fault.body().get("number").asString()).isNotEqualTo(entrapment);
	}

	@Test
	void anUnknownDeviceOrAWrongKeyIsRefusedAndNothingIsRecorded() {
		long lift = equipment().lift();
		JsonNode device = equipment().device(lift);

		Alarm unknown = send("dev-nosuchdevice", device.get("deviceKey").asString(), LIFT_ENTRAPMENT, null, null);
		Alarm wrongKey = send(device.get("deviceId").asString(), "wrong", LIFT_ENTRAPMENT, null, null);
		Alarm noKey = send(device.get("deviceId").asString(), null, LIFT_ENTRAPMENT, null, null);

		assertThat(List.of(unknown.status(), wrongKey.status(), noKey.status())).containsOnly(401);
		assertThat(wrongKey.contentType()).startsWith("application/problem+json");
		assertThat(api.get("manager", "/api/v1/assets/" + lift).body().get("alarms")).isEmpty();
	}

	@Test
	void aMalformedAlarmIsRefusedWithTheFieldsNamed() {
		long lift = equipment().lift();
		JsonNode device = equipment().device(lift);

		Alarm bad = send(device, "{\"type\":\"lift entrapment!\",\"severity\":\"\",\"state\":\"MAYBE\"}");
		Alarm notJson = send(device, "{not json");

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsString("field")).contains("type", "severity", "state");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(api.get("manager", "/api/v1/assets/" + lift).body().get("alarms")).isEmpty();
	}

	@Test
	void aSignedAlarmIsTakenOnceAndAReplayOrAnOldTimestampIsRefused() throws Exception {
		JsonNode device = equipment().device(equipment().lift());
		String id = device.get("deviceId").asString();
		String key = device.get("deviceKey").asString();
		String now = String.valueOf(Instant.now().getEpochSecond());
		String old = String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond());

		Alarm signed = send(id, key, LIFT_ENTRAPMENT, now, sign(key, now, LIFT_ENTRAPMENT));
		Alarm replay = send(id, key, LIFT_ENTRAPMENT, now, sign(key, now, LIFT_ENTRAPMENT));
		Alarm stale = send(id, key, LIFT_ENTRAPMENT, old, sign(key, old, LIFT_ENTRAPMENT));
		Alarm forged = send(id, key, LIFT_ENTRAPMENT, now, sign("another-key", now, LIFT_ENTRAPMENT));

		assertThat(signed.status()).isEqualTo(202);
		assertThat(List.of(replay.status(), stale.status(), forged.status())).containsOnly(401);
	}

	@Test
	void onlyManagersRegisterDevicesAndTheKeyIsNotShownAgain() {
		long lift = equipment().lift();

		Response byTechnician = api.post("tech05", "/api/v1/devices", java.util.Map.of("assetId", lift, "name", "x"));
		JsonNode device = equipment().device(lift);
		Response asset = api.get("manager", "/api/v1/assets/" + lift);

		assertThat(byTechnician.status()).isEqualTo(403);
		assertThat(asset.body().get("devices").findValuesAsString("deviceId"))
			.contains(device.get("deviceId").asString());
		assertThat(asset.body().toString()).doesNotContain(device.get("deviceKey").asString());
	}

	@Test
	void aBurstFromManyThreadsOpensOneOrderPerDistinctAlarm() throws Exception {
		List<JsonNode> devices = List.of(equipment().device(equipment().lift()), equipment().device(equipment().lift()),
				equipment().device(equipment().lift()));
		String[] types = { LIFT_ENTRAPMENT, "{\"type\":\"LIFT_FAULT\",\"severity\":\"MAJOR\"}" };
		AtomicInteger next = new AtomicInteger();

		List<List<String>> numbers = Together.run(12, () -> {
			List<String> seen = new java.util.ArrayList<>();
			for (int i = 0; i < 10; i++) {
				int n = next.getAndIncrement();
				Alarm alarm = send(devices.get(n % 3), types[(n / 3) % 2]);
				assertThat(alarm.status()).isEqualTo(202);
				seen.add(alarm.body().get("number").asString());
			}
			return seen;
		});

		Set<String> orders = numbers.stream().flatMap(List::stream).collect(Collectors.toSet());
		assertThat(orders).hasSize(6);
		int repeats = 0;
		for (JsonNode device : devices) {
			JsonNode asset = api.get("manager", "/api/v1/assets/" + device.get("assetId").asLong()).body();
			assertThat(asset.get("orders")).hasSize(2);
			for (JsonNode alarm : asset.get("alarms")) {
				repeats += alarm.get("repeats").asInt();
			}
		}
		assertThat(repeats).isEqualTo(120);
	}

	private record Alarm(int status, String contentType, JsonNode body) {
	}

	private Alarm send(JsonNode device, String body) {
		return send(device.get("deviceId").asString(), device.get("deviceKey").asString(), body, null, null);
	}

	private Alarm send(String deviceId, String key, String body, String timestamp, String signature) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/devices/" + deviceId + "/alarms"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (key != null) {
			request.header("X-Device-Key", key);
		}
		if (timestamp != null) {
			request.header("X-Device-Timestamp", timestamp).header("X-Device-Signature", signature);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode answer = json.readTree(response.body());
			if (answer.hasNonNull("number")) {
				opened.add(answer.get("number").asString());
			}
			return new Alarm(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), answer);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sign(String key, String timestamp, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
	}

}
