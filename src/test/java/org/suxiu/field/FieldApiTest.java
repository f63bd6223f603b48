package org.suxiu.field;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The technician's phone over the API: the checklist of a job, and actions queued offline
 * replayed in order once each, a superseded one answered as a conflict that changes
 * nothing.
 */
class FieldApiTest extends ApplicationTest {

	static final double SITE_LAT = 31.2304;

	static final double SITE_LNG = 121.4737;

	private static final String TECH = "tech09";

	@Test
	void aJobHasTheChecklistOfItsRepairType() {
		String number = dispatchedTo(TECH);

		Response checklist = api.get(TECH, "/api/v1/work-orders/" + number + "/checklist");

		assertThat(checklist.status()).isEqualTo(200);
		assertThat(checklist.body().valueStream().map(i -> i.get("id").asString())).containsExactly("lock", "seal",
				"clean");
		assertThat(checklist.body().get(0).get("zh").asString()).isEqualTo("锁具开关顺畅");
		assertThat(api.get("13800000002", "/api/v1/work-orders/" + number + "/checklist").status()).isEqualTo(404);
	}

	@Test
	void queuedActionsAreReplayedInOrderOnceEachWithTheChecklistAndTheSignature() {
		String number = dispatchedTo(TECH);
		List<Map<String, Object>> actions = List.of(action("TAKE", number, null), action("ARRIVE", number, null),
				action("START", number, null), action("COMPLETE", number, "更换锁芯"));
		actions.get(3).put("checklist", List.of("lock", "seal"));
		actions.get(3).put("signature", "data:image/png;base64," + Base64.getEncoder().encodeToString(signature()));

		Response first = api.post(TECH, "/api/v1/field/actions", Map.of("actions", actions));
		int lines = history(number).size();
		Response again = api.post(TECH, "/api/v1/field/actions", Map.of("actions", actions));

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body().get("outcomes").valueStream().map(o -> o.get("result").asString()))
			.containsExactly("APPLIED", "APPLIED", "APPLIED", "APPLIED");
		assertThat(again.body().get("outcomes").valueStream().map(o -> o.get("result").asString()))
			.containsOnly("ALREADY_APPLIED");
		JsonNode order = api.get("agent", "/api/v1/work-orders/" + number).body();
		assertThat(order.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(history(number)).hasSize(lines);
		assertThat(history(number).valueStream().map(h -> h.get("action").asString())).containsSubsequence("take",
				"arrive", "start", "complete", "checklist", "signature");
		assertThat(history(number).valueStream()
			.filter(h -> h.get("action").asString().equals("checklist"))
			.findFirst()
			.orElseThrow()
			.get("note")
			.asString()).isEqualTo("检查项 2/3 已完成；未完成：清理现场");
		JsonNode files = api.get("agent", "/api/v1/work-orders/" + number + "/attachments").body();
		assertThat(files.valueStream().map(f -> f.get("purpose").asString())).containsExactly("SIGNATURE");
	}

	@Test
	void aQueuedActionOnAJobGivenToSomeoneElseIsAConflictThatChangesNothing() {
		String number = dispatchedTo(TECH);
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech10"));
		int lines = history(number).size();

		Response replay = api.post(TECH, "/api/v1/field/actions",
				Map.of("actions", List.of(action("TAKE", number, null), action("ARRIVE", number, null))));

		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body().get("outcomes").valueStream().map(o -> o.get("result").asString()))
			.containsExactly("CONFLICT", "CONFLICT");
		assertThat(replay.body().get("outcomes").get(0).get("reason").asString()).isEqualTo("REASSIGNED");
		JsonNode order = api.get("agent", "/api/v1/work-orders/" + number).body();
		assertThat(order.get("status").asString()).isEqualTo("DISPATCHED");
		assertThat(order.get("assignee").get("name").asString()).isNotBlank();
		assertThat(history(number).valueStream().map(h -> h.get("action").asString()).toList())
			.doesNotContain("take", "arrive")
			.contains("offline-refused");
		assertThat(history(number).size()).isEqualTo(lines + 2);
	}

	@Test
	void aKeyUsedForAnotherActionIsRefusedAndABadBatchChangesNothing() {
		String number = dispatchedTo(TECH);
		Map<String, Object> take = action("TAKE", number, null);
		api.post(TECH, "/api/v1/field/actions", Map.of("actions", List.of(take)));
		Map<String, Object> reused = action("ARRIVE", number, null);
		reused.put("key", take.get("key"));

		Response answer = api.post(TECH, "/api/v1/field/actions", Map.of("actions", List.of(reused)));
		Response noKey = api.post(TECH, "/api/v1/field/actions",
				Map.of("actions", List.of(Map.of("number", number, "action", "ARRIVE"))));
		Response byAgent = api.post("agent", "/api/v1/field/actions", Map.of("actions", List.of()));

		assertThat(answer.body().get("outcomes").get(0).get("reason").asString()).isEqualTo("KEY_REUSED");
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(byAgent.status()).isEqualTo(403);
		assertThat(api.get("agent", "/api/v1/work-orders/" + number).text("status")).isEqualTo("TAKEN");
	}

	private String dispatchedTo(String technician) {
		String number = api
			.post("agent", "/api/v1/work-orders",
					Requests.hotline("DOOR_WINDOW", "入户门锁舌卡住，门关不上 " + UUID.randomUUID(),
							Requests.home("1", "1", "101")))
			.text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", technician));
		return number;
	}

	private JsonNode history(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number).body().get("history");
	}

	private JsonNode position(String username) {
		for (JsonNode technician : api.get("dispatcher", "/api/v1/technicians").body()) {
			if (technician.get("username").asString().equals(username)) {
				return technician.get("position");
			}
		}
		throw new IllegalStateException("No technician " + username);
	}

	static Map<String, Object> fix(double lat, double lng, OffsetDateTime at) {
		Map<String, Object> fix = new LinkedHashMap<>();
		fix.put("lat", lat);
		fix.put("lng", lng);
		if (at != null) {
			fix.put("at", at.toString());
		}
		return fix;
	}

	static Map<String, Object> action(String action, String number, String note) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("key", UUID.randomUUID().toString());
		body.put("number", number);
		body.put("action", action);
		if (note != null) {
			body.put("note", note);
		}
		return body;
	}

	static byte[] signature() {
		BufferedImage image = new BufferedImage(320, 140, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 320, 140);
		g.setColor(Color.BLACK);
		g.drawLine(20, 100, 300, 40);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
