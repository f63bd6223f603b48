package org.suxiu.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second call about the same fault joins the open order instead of creating another:
 * the caller follows it and gets its messages; the dispatcher sees possible twins
 * flagged.
 */
class DuplicateCallsTest extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAgentMergesASecondCallIntoTheOpenOrderAndTheCallerHearsOfIt() {
		String open = api
			.post("agent", "/api/v1/work-orders",
					Requests.hotline("DOOR_WINDOW", "单元门坏了关不上", Requests.home("6", "1", "1702")))
			.text("number");
		long ordersBefore = orders();
		Browser agent = desk().signIn("agent");
		agent.select("#category", "DOOR_WINDOW");
		agent.type("#description", "门关不上");
		agent.type("#name", "赵女士").type("#phone", "13900007777").type("#room", "6-1-1702");

		agent.click("#preview button.merge");
		// the click returns before the browser has followed the redirect
		agent.waitUntil(d -> d.getCurrentUrl().contains("/agent/orders/"));

		assertThat(agent.url()).contains("/agent/orders/" + open);
		assertThat(agent.text("#followers")).contains("13900007777");
		agent.screenshot("agent-merged-call");
		assertThat(orders()).isEqualTo(ordersBefore);
		api.post("dispatcher", "/api/v1/work-orders/" + open + "/dispatch", Map.of("technicianId", "tech03"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc
				.sql("SELECT count(*) FROM notification_message WHERE order_number = ? AND recipient = ? "
						+ "AND kind = 'OWNER_DISPATCHED'")
				.params(open, "13900007777")
				.query(Long.class)
				.single() >= 1);
	}

	@Test
	void anotherCompanysAgentCannotJoinTheOrder() {
		String open = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		PageClient north = new PageClient(port).signIn("north-agent");

		HttpResponse<String> answer = north.submit("/agent", "/agent/orders/" + open + "/followers",
				Map.of("name", "钱先生", "phone", "13900008888"));

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM work_order_follower WHERE order_number = ?")
			.param(open)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void onlyAgentsMergeCalls() {
		String open = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		HttpResponse<String> answer = new PageClient(port).signIn("dispatcher")
			.submit("/dispatch", "/agent/orders/" + open + "/followers", Map.of("phone", "13900008888"));

		assertThat(answer.statusCode()).isEqualTo(403);
	}

	@Test
	void theDispatcherSeesPossibleTwinsFlagged() {
		Map<String, Object> blocked = Requests.hotline("PLUMBING", "卫生间下水道堵塞", Requests.home("2", "2", "1801"));
		String first = api.post("agent", "/api/v1/work-orders", blocked).text("number");
		String second = api.post("agent", "/api/v1/work-orders", blocked).text("number");
		String lone = api
			.post("agent", "/api/v1/work-orders",
					Requests.hotline("WALL_CEILING", "墙面起皮发霉", Requests.home("2", "2", "1802")))
			.text("number");

		Browser dispatcher = desk().signIn("dispatcher");

		assertThat(dispatcher.has("#queue li[data-number='" + first + "'] .duplicate")).isTrue();
		assertThat(dispatcher.has("#queue li[data-number='" + second + "'] .duplicate")).isTrue();
		assertThat(dispatcher.has("#queue li[data-number='" + lone + "'] .duplicate")).isFalse();
	}

	private long orders() {
		return jdbc.sql("SELECT count(*) FROM work_order").query(Long.class).single();
	}

}
