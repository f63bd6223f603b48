package org.suxiu.field;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 催单: the reporting owner hurries an open order once per quiet period; each hurry is a
 * history line and a message to the dispatchers, the second to the supervisors as well; a
 * hurry too soon is 429 with nothing changed.
 */
class HurryApiTest extends ClockedApplicationTest {

	private static final String OWNER = "13800000001";

	@Test
	void theOwnerHurriesOncePerQuietPeriodAndTheSecondHurryEscalates() {
		CLOCK.set("2026-12-29T10:00:00+08:00");
		String number = reported();

		Response first = api.post(OWNER, "/api/v1/work-orders/" + number + "/hurry", Map.of("note", "水越漏越多"));
		Response tooSoon = api.post(OWNER, "/api/v1/work-orders/" + number + "/hurry", Map.of());
		List<String> afterFirst = hurryLines(number);
		CLOCK.advance(Duration.ofMinutes(11));
		Response second = api.post(OWNER, "/api/v1/work-orders/" + number + "/hurry", Map.of());

		assertThat(first.status()).isEqualTo(202);
		assertThat(tooSoon.status()).isEqualTo(429);
		assertThat(tooSoon.isProblem()).isTrue();
		assertThat(tooSoon.problemType()).endsWith("hurry-too-soon");
		assertThat(tooSoon.body().get("retryAfterSeconds").asLong()).isEqualTo(600);
		assertThat(afterFirst).containsExactly("1");
		assertThat(second.status()).isEqualTo(202);
		assertThat(hurryLines(number)).containsExactly("1", "2");
		List<JsonNode> firstMessages = await().atMost(Duration.ofSeconds(30))
			.until(() -> messages(number, "第1次"), list -> !list.isEmpty());
		List<JsonNode> secondMessages = await().atMost(Duration.ofSeconds(30))
			.until(() -> messages(number, "第2次"), list -> list.size() > firstMessages.size());
		assertThat(firstMessages.get(0).get("body").asString()).contains("业主催单").contains(number);
		assertThat(secondMessages.size()).isGreaterThan(firstMessages.size());
	}

	@Test
	void onlyTheReportingOwnerHurriesAnOpenOrder() {
		CLOCK.set("2026-12-29T11:00:00+08:00");
		String number = reported();
		String cancelled = reported();
		api.post(OWNER, "/api/v1/work-orders/" + cancelled + "/cancel", Map.of("reason", "自己修好了"));

		Response otherOwner = api.post("13800000002", "/api/v1/work-orders/" + number + "/hurry", Map.of());
		Response agent = api.post("agent", "/api/v1/work-orders/" + number + "/hurry", Map.of());
		Response closed = api.post(OWNER, "/api/v1/work-orders/" + cancelled + "/hurry", Map.of());

		assertThat(otherOwner.status()).isEqualTo(404);
		assertThat(agent.status()).isEqualTo(403);
		assertThat(closed.status()).isEqualTo(409);
		assertThat(hurryLines(number)).isEmpty();
		assertThat(hurryLines(cancelled)).isEmpty();
	}

	private String reported() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "APP");
		body.put("category", "PLUMBING");
		body.put("description", "厨房下水管漏水 " + UUID.randomUUID());
		return api.post(OWNER, "/api/v1/work-orders", body).text("number");
	}

	private List<String> hurryLines(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.filter(h -> h.get("action").asString().equals("hurry"))
			.map(h -> h.get("to").asString())
			.toList();
	}

	private List<JsonNode> messages(String number, String nth) {
		return api.get("admin", "/api/v1/admin/messages?size=100")
			.body()
			.get("items")
			.valueStream()
			.filter(m -> m.get("body").asString().contains(number) && m.get("body").asString().contains(nth))
			.toList();
	}

}
