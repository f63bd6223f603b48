package org.suxiu;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded run keeps its data across a restart on the same data directory: orders and
 * their history survive, the demo data is seeded once, and numbering carries on.
 */
class RestartTest {

	private static final List<String> MASTER_DATA = List.of("tenant", "project", "home", "common_area", "staff",
			"owner");

	@TempDir
	static Path dataDir;

	private static final Map<String, JsonNode> ordersBefore = new LinkedHashMap<>();

	private static final Map<String, Long> rowsBefore = new LinkedHashMap<>();

	private static ConfigurableApplicationContext restarted;

	@BeforeAll
	static void runOnceAndRestart() {
		ConfigurableApplicationContext first = start();
		try {
			Api api = api(first);
			for (Map<String, Object> body : List.of(Requests.liftTrappedByHotline(), Requests.drippingTapByHotline(),
					Requests.hotline("ELECTRICAL", "楼道灯不亮", Requests.area("地下车库")))) {
				String number = created(api.post("agent", "/api/v1/work-orders", body));
				ordersBefore.put(number, null);
			}
			String dispatched = ordersBefore.keySet().iterator().next();
			api.post("dispatcher", "/api/v1/work-orders/" + dispatched + "/dispatch", Map.of("technicianId", "tech01"));
			api.post("tech01", "/api/v1/work-orders/" + dispatched + "/take", Map.of());
			ordersBefore.replaceAll((number, ignored) -> api.get("agent", "/api/v1/work-orders/" + number).body());
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			MASTER_DATA.forEach(table -> rowsBefore.put(table, count(jdbc, table)));
		}
		finally {
			first.close();
		}
		restarted = start();
	}

	@AfterAll
	static void stop() {
		if (restarted != null) {
			restarted.close();
		}
	}

	@Test
	void keepsItsDatabaseInTheGivenDataDirectory() {
		assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).isRegularFile();
	}

	@Test
	void keepsEveryOrderWithItsHistory() {
		Api api = api(restarted);

		for (Map.Entry<String, JsonNode> before : ordersBefore.entrySet()) {
			JsonNode after = api.get("agent", "/api/v1/work-orders/" + before.getKey()).body();
			assertThat(after.get("status")).isEqualTo(before.getValue().get("status"));
			assertThat(after.get("version")).isEqualTo(before.getValue().get("version"));
			assertThat(after.get("history")).isEqualTo(before.getValue().get("history"));
		}
		assertThat(ordersBefore.values()).anySatisfy(order -> assertThat(order.get("history")
			.valueStream()
			.map(h -> h.get("action").asString())
			.filter(action -> !action.equals("dispatch-override"))).hasSize(3));
	}

	@Test
	void doesNotSeedTheDemoDataTwice() {
		JdbcClient jdbc = restarted.getBean(JdbcClient.class);

		Map<String, Long> rowsAfter = new LinkedHashMap<>();
		MASTER_DATA.forEach(table -> rowsAfter.put(table, count(jdbc, table)));

		assertThat(rowsAfter).isEqualTo(rowsBefore);
		assertThat(jdbc.sql("SELECT count(*) FROM staff WHERE username = 'agent'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void demoAccountsStillSignIn() {
		Api api = api(restarted);

		Response response = api.post(null, "/api/v1/auth/token",
				Map.of("username", "13800000001", "password", "demo123"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("accessToken")).isNotBlank();
	}

	@Test
	void numbersNewOrdersWithoutCollidingWithOldOnes() {
		Api api = api(restarted);

		Response response = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline());

		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		assertThat(ordersBefore).doesNotContainKey(response.text("number"));
	}

	private static ConfigurableApplicationContext start() {
		// Arguments, not builder properties: those are defaults that application.yml
		// overrides.
		return new SpringApplicationBuilder(SuxiuApplication.class).run("--server.port=0",
				"--suxiu.data-dir=" + dataDir);
	}

	private static Api api(ConfigurableApplicationContext context) {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		return new Api(port, context.getBean(JsonMapper.class));
	}

	private static String created(Response response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return response.text("number");
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
