package org.suxiu.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Complaints per 1,000 homes and probable rework in the KPI tables, from the complaint
 * and order events, on a day no other test uses (Tuesday 16 May 2028, DEMO): a repair by
 * tech08 in 6-1-1201, a repeat there the same afternoon that the system flags as probable
 * rework, then a complaint about the first repair.
 *
 * <pre>
 *                          probable  rework  reworked  first fix  complaints
 * after the flag           1         0       0         1          0
 * after the confirmation   0         1       1         0          0
 * after the complaint      0         1       1         0          1 (tech08, PLUMBING)
 * after a recount          the same
 * </pre>
 */
class ComplaintAndReworkFiguresTest extends ClockedApplicationTest {

	static final String DAY = "2028-05-16";

	static final String PERIOD = "projectCode=DEMO&from=" + DAY + "&to=" + DAY;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countsProbableReworkUntilJudgedAndComplaintsPerThousandHomes() {
		CLOCK.set(DAY + "T09:00:00+08:00");
		String first = report("厨房水管接口漏水");
		post("dispatcher", first, "dispatch", Map.of("technicianId", "tech08"));
		for (String step : List.of("take", "arrive", "start")) {
			post("tech08", first, step, Map.of());
		}
		CLOCK.set(DAY + "T10:00:00+08:00");
		post("tech08", first, "complete", Map.of("resolution", "换了接头"));
		post("agent", first, "accept", Map.of("rating", 4, "comment", "还行"));
		CLOCK.set(DAY + "T15:00:00+08:00");

		String repeat = report("厨房水管又漏了");
		await().atMost(Duration.ofSeconds(30)).until(() -> order(repeat).get("probableRework").asBoolean());
		await().atMost(Duration.ofSeconds(30)).until(() -> quality().get("probableRework").asLong() == 1);

		assertThat(quality().get("rework").asLong()).isZero();
		assertThat(quality().get("reworked").asLong()).isZero();
		assertThat(quality().get("firstFix").asLong()).isEqualTo(1);
		assertThat(numbers("probable_rework")).containsExactly(repeat);

		post("agent", repeat, "confirm-rework", Map.of("note", "同一个接头"));
		await().atMost(Duration.ofSeconds(30)).until(() -> quality().get("reworked").asLong() == 1);

		assertThat(quality().get("probableRework").asLong()).isZero();
		assertThat(quality().get("rework").asLong()).isEqualTo(1);
		assertThat(quality().get("firstFix").asLong()).isZero();

		Response complaint = api.post("agent", "/api/v1/complaints",
				Map.of("number", first, "projectCode", "DEMO", "description", "来电投诉：修了当天又漏", "channel", "HOTLINE"));
		assertThat(complaint.status()).as(complaint.body().toString()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> satisfaction().get("complaints").asLong() == 1);

		long homes = jdbc
			.sql("SELECT count(*) FROM home h JOIN building b ON b.id = h.building_id "
					+ "JOIN project p ON p.id = b.project_id WHERE p.code = 'DEMO'")
			.query(Long.class)
			.single();
		assertThat(satisfaction().get("complaintsPerThousandHomes").asDouble())
			.isEqualTo(Math.round(100000.0 / homes) / 100.0);
		String tech08 = technicianId("tech08");
		JsonNode byTechnician = row("technician", tech08);
		assertThat(byTechnician.get("satisfaction").get("complaints").asLong()).isEqualTo(1);
		assertThat(row("category", "PLUMBING").get("satisfaction").get("complaints").asLong()).isEqualTo(1);
		assertThat(row("category", "ELEVATOR").get("satisfaction").get("complaints").asLong()).isZero();
		JsonNode card = api.get("manager", "/api/v1/analytics/technicians?projectCode=DEMO&month=2028-05")
			.body()
			.get("technicians")
			.valueStream()
			.filter(c -> c.get("technicianId").asString().equals(tech08))
			.findFirst()
			.orElseThrow();
		assertThat(card.get("complaints").asLong()).isEqualTo(1);

		JsonNode month = api
			.get("manager", "/api/v1/analytics/kpis?projectCode=DEMO&from=2028-05-01&to=2028-05-31&groupBy=day")
			.body();
		long ordersByDay = month.get("rows").valueStream().mapToLong(r -> r.get("orders").asLong()).sum();
		long complaintsByDay = month.get("rows")
			.valueStream()
			.mapToLong(r -> r.get("satisfaction").get("complaints").asLong())
			.sum();
		// the month's total comes from the monthly rows, its days from the daily ones
		assertThat(month.get("total").get("orders").asLong()).isEqualTo(ordersByDay).isGreaterThanOrEqualTo(2);
		assertThat(month.get("total").get("satisfaction").get("complaints").asLong()).isEqualTo(complaintsByDay)
			.isEqualTo(1);
		assertThat(month.get("total").get("completion").get("p90").asDouble())
			.isEqualTo(total().get("completion").get("p90").asDouble());

		assertThat(api.post("admin", "/api/v1/analytics/recount", Map.of()).status()).isEqualTo(200);

		assertThat(satisfaction().get("complaints").asLong()).isEqualTo(1);
		assertThat(quality().get("rework").asLong()).isEqualTo(1);
		assertThat(quality().get("reworked").asLong()).isEqualTo(1);
		assertThat(quality().get("probableRework").asLong()).isZero();
	}

	private String report(String description) {
		Response created = api.post("agent", "/api/v1/work-orders", Requests
			.with(Requests.hotline("PLUMBING", description, Requests.home("6", "1", "1201")), "grade", "L3"));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.text("number");
	}

	private void post(String who, String number, String action, Map<String, Object> body) {
		Response response = api.post(who, "/api/v1/work-orders/" + number + "/" + action, body);
		assertThat(response.status()).as(action + " " + number + ": " + response.body()).isEqualTo(200);
	}

	private JsonNode order(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number).body();
	}

	private JsonNode total() {
		return api.get("manager", "/api/v1/analytics/kpis?" + PERIOD + "&groupBy=grade").body().get("total");
	}

	private JsonNode quality() {
		return total().get("quality");
	}

	private JsonNode satisfaction() {
		return total().get("satisfaction");
	}

	private JsonNode row(String groupBy, String key) {
		return api.get("manager", "/api/v1/analytics/kpis?" + PERIOD + "&groupBy=" + groupBy)
			.body()
			.get("rows")
			.valueStream()
			.filter(r -> r.get("key").asString().equals(key))
			.findFirst()
			.orElseThrow();
	}

	private List<String> numbers(String figure) {
		return api.get("manager", "/api/v1/analytics/orders?" + PERIOD + "&figure=" + figure)
			.body()
			.get("items")
			.valueStream()
			.map(o -> o.get("number").asString())
			.toList();
	}

	private String technicianId(String username) {
		return api.get("dispatcher", "/api/v1/technicians?projectCode=DEMO")
			.body()
			.valueStream()
			.filter(t -> username.equals(t.get("username").asString()))
			.map(t -> t.get("id").asString())
			.findFirst()
			.orElseThrow();
	}

}
