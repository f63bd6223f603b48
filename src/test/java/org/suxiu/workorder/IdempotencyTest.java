package org.suxiu.workorder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;
import org.suxiu.Together;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that retries {@code POST /api/v1/work-orders} with the same
 * {@code Idempotency-Key} gets its original order back instead of a second one.
 */
class IdempotencyTest extends ApplicationTest {

	private static final String ORDERS = "/api/v1/work-orders";

	@Autowired
	private JdbcClient jdbc;

	@Test
	void retryWithSameKeyAndBodyReturnsTheOriginalOrder() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = uniqueLeak();
		Response first = api.post("agent", ORDERS, body, "Idempotency-Key", key);

		Response retry = api.post("agent", ORDERS, body, "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.text("number")).isEqualTo(first.text("number"));
		assertThat(ordersDescribedAs(body)).isEqualTo(1);
	}

	@Test
	void sameKeyWithDifferentBodyIsRefused() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = uniqueLeak();
		api.post("agent", ORDERS, body, "Idempotency-Key", key);
		Map<String, Object> changed = Requests.with(body, "description", body.get("description") + " 又漏了");

		Response response = api.post("agent", ORDERS, changed, "Idempotency-Key", key);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.isProblem()).isTrue();
		assertThat(ordersDescribedAs(changed)).isZero();
	}

	@Test
	void sameKeyFromAnotherUserCreatesASeparateOrder() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = uniqueLeak();
		Response agents = api.post("agent", ORDERS, body, "Idempotency-Key", key);

		Response supervisors = api.post("supervisor", ORDERS, body, "Idempotency-Key", key);

		assertThat(supervisors.status()).isEqualTo(201);
		assertThat(supervisors.text("number")).isNotEqualTo(agents.text("number"));
		assertThat(ordersDescribedAs(body)).isEqualTo(2);
	}

	@Test
	void concurrentRetriesWithSameKeyCreateOneOrder() throws Exception {
		int clients = 10;
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = uniqueLeak();
		api.token("agent");

		List<Response> responses = Together.run(clients, () -> api.post("agent", ORDERS, body, "Idempotency-Key", key));

		assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body().toString()).isIn(200, 201));
		assertThat(responses.stream().map(r -> r.text("number")).distinct()).hasSize(1);
		assertThat(ordersDescribedAs(body)).isEqualTo(1);
	}

	/** A leak with a description no other test uses, so its orders can be counted. */
	private static Map<String, Object> uniqueLeak() {
		return Requests.hotline("PLUMBING", "厨房水管漏水 " + UUID.randomUUID(), Requests.home("3", "2", "1201"));
	}

	private long ordersDescribedAs(Map<String, Object> body) {
		return jdbc.sql("SELECT count(*) FROM work_order WHERE description = ?")
			.param(body.get("description"))
			.query(Long.class)
			.single();
	}

}
