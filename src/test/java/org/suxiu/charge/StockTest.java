package org.suxiu.charge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The demo project's materials store through the API. */
class StockTest extends ApplicationTest {

	private static final String STOCK = "/api/v1/projects/DEMO/stock";

	@Autowired
	JdbcClient jdbc;

	OnSite site;

	@BeforeEach
	void onSite() {
		site = new OnSite(api);
	}

	@Test
	void anIssueLowersTheStockAndAReturnBringsItBack() {
		String number = site.leakAtHome();
		int before = onHand("VALVE-15");

		Response issued = move("issues", number, "VALVE-15", 2);
		Response returned = move("returns", number, "VALVE-15", 1);

		assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);
		assertThat(issued.body().get("onHand").asInt()).isEqualTo(before - 2);
		assertThat(returned.body().get("onHand").asInt()).isEqualTo(before - 1);
		assertThat(onHand("VALVE-15")).isEqualTo(before - 1);
	}

	@Test
	void noMoreCanBeReturnedThanTheOrderTook() {
		String number = site.leakAtHome();
		move("issues", number, "BULB", 1);
		int before = onHand("BULB");

		Response tooMany = move("returns", number, "BULB", 2);

		assertThat(tooMany.status()).isEqualTo(422);
		assertThat(tooMany.problemType()).isEqualTo("nothing-to-return");
		assertThat(onHand("BULB")).isEqualTo(before);
	}

	@Test
	void badQuantitiesAndLabourAreRefused() {
		String number = site.leakAtHome();
		int before = onHand("PIPE-20");

		assertThat(move("issues", number, "PIPE-20", -3).status()).isEqualTo(400);
		assertThat(move("issues", number, "PIPE-20", 0).status()).isEqualTo(400);
		assertThat(move("issues", number, "PIPE-20", 2.5).status()).isEqualTo(400);
		assertThat(move("issues", number, "LAB-REPAIR", 1).status()).isEqualTo(400);
		assertThat(onHand("PIPE-20")).isEqualTo(before);
	}

	@Test
	void onlyTheJobsTechnicianOrASupervisorIssues() {
		String number = site.leakAtHome();

		Response other = api.post("tech02", STOCK + "/issues",
				Map.of("number", number, "itemCode", "PIPE-20", "quantity", 1));
		Response agent = api.post("agent", STOCK + "/issues",
				Map.of("number", number, "itemCode", "PIPE-20", "quantity", 1));

		assertThat(other.status()).as("another technician does not see the job").isEqualTo(404);
		assertThat(agent.status()).isEqualTo(403);
	}

	@Test
	void parallelIssuesNeverTakeTheStockBelowZero() throws Exception {
		String number = site.leakAtHome();
		int onHand = onHand("SEAL");
		int attempts = onHand + 6;
		List<Callable<Integer>> issues = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			issues.add(() -> move("issues", number, "SEAL", 1).status());
		}

		List<Integer> statuses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (Future<Integer> f : pool.invokeAll(issues)) {
				statuses.add(f.get());
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(statuses.stream().filter(s -> s == 200)).hasSize(onHand);
		assertThat(statuses.stream().filter(s -> s == 409)).hasSize(6);
		assertThat(onHand("SEAL")).isZero();
		assertThat(api.post("supervisor", STOCK + "/receipts", Map.of("itemCode", "SEAL", "quantity", onHand)).status())
			.isEqualTo(200);
	}

	@Test
	void theSupervisorIsToldWhenStockRunsLow() {
		String number = site.leakAtHome();
		JsonNode tap = level("TAP");
		int down = tap.get("onHand").asInt() - tap.get("lowAt").asInt();
		if (down <= 0) {
			api.post("supervisor", STOCK + "/receipts", Map.of("itemCode", "TAP", "quantity", 1 - down));
			down = 1;
		}

		move("issues", number, "TAP", down);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					jdbc.sql("SELECT body FROM notification_message WHERE kind = 'SUPERVISOR_LOW_STOCK'")
						.query(String.class)
						.list())
				.anySatisfy(body -> assertThat(body).contains("厨房单把龙头")));
		move("returns", number, "TAP", down);
	}

	private Response move(String kind, String number, String item, Object quantity) {
		return api.post(OnSite.TECHNICIAN, STOCK + "/" + kind,
				Map.of("number", number, "itemCode", item, "quantity", quantity));
	}

	private int onHand(String item) {
		return level(item).get("onHand").asInt();
	}

	private JsonNode level(String item) {
		for (JsonNode level : api.get("agent", STOCK).body().get("items")) {
			if (level.get("itemCode").asString().equals(item)) {
				return level;
			}
		}
		throw new AssertionError(item + " not in stock");
	}

}
