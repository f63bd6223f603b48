package org.suxiu.dispatch;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An emergency dispatched to a technician who is working on an urgent (L2) job holds that
 * job only in a surge (the project's emergencies outnumber the free qualified
 * technicians); otherwise the urgent job is finished first. Planned and general work is
 * held either way ({@code DispatchApiTest}).
 */
class UrgentWorkHoldTest extends ClockedApplicationTest {

	/** Technicians given room for this class's jobs, put back afterwards. */
	private static final List<String> ROOM_FOR = List.of("tech08", "tech12");

	@Autowired
	JdbcClient jdbc;

	/**
	 * Other classes of the clocked context leave jobs in these technicians' hands; the
	 * capacity given here is put back afterwards.
	 */
	@BeforeEach
	void room() {
		capacity(1000);
	}

	@AfterEach
	void usualCapacity() {
		capacity(null);
		jdbc.sql("DELETE FROM technician_skill WHERE category = 'PUBLIC_FACILITY' AND level = 1").update();
	}

	@Test
	void inASurgeAnEmergencyHoldsTheTechniciansUrgentJob() {
		// at night only the two on-call technicians are on duty: nobody is free on a
		// regular shift, so any emergency is a surge
		CLOCK.set("2026-11-30T23:00:00+08:00");
		String urgent = order("L2", "家里跳闸推不上去", "3", "1", "501");
		startWork("tech12", urgent);
		String emergency = order("L1", "配电箱冒烟有焦味", "3", "1", "502");
		JsonNode reasons = proposal(api.get("dispatcher", "/api/v1/work-orders/" + emergency + "/recommendations"),
				"tech12")
			.get("reasons");
		assertThat(reasons.get("surge").get("shortfall").asInt()).isPositive();

		Response dispatched = api.post("dispatcher", "/api/v1/work-orders/" + emergency + "/dispatch",
				Map.of("technicianId", "tech12"));

		assertThat(dispatched.status()).as(dispatched.body().toString()).isEqualTo(200);
		JsonNode held = api.get("supervisor", "/api/v1/work-orders/" + urgent).body();
		assertThat(held.get("status").asString()).isEqualTo("ON_HOLD");
		JsonNode line = held.get("history").get(held.get("history").size() - 1);
		assertThat(line.get("action").asString()).isEqualTo("interrupt");
		assertThat(line.get("note").asString()).contains(emergency);
	}

	@Test
	void withTechniciansFreeTheUrgentJobIsFinishedFirst() {
		CLOCK.set("2026-11-30T10:00:00+08:00");
		String urgent = order("L2", "家里跳闸推不上去", "3", "2", "601");
		startWork("tech08", urgent);
		// a calm day: the project's waiting emergencies, left by other classes, are
		// cancelled, and every day-shift technician can take a public-facility
		// emergency, so the free qualified technicians outnumber the emergencies
		jdbc.sql("""
				SELECT number FROM work_order WHERE grade = 'L1' AND status = 'NEW'
				AND project_id = (SELECT id FROM project WHERE code = 'DEMO')
				""")
			.query(String.class)
			.list()
			.forEach(n -> assertThat(api
				.post("dispatcher", "/api/v1/work-orders/" + n + "/cancel", Map.of("reason", "测试清场 test clean-up"))
				.status()).isEqualTo(200));
		jdbc.sql("""
				INSERT INTO technician_skill (staff_id, category, level)
				SELECT t.staff_id, 'PUBLIC_FACILITY', 1 FROM technician t JOIN staff s ON s.id = t.staff_id
				WHERE s.username LIKE 'tech%' AND NOT EXISTS (SELECT 1 FROM technician_skill k
				    WHERE k.staff_id = t.staff_id AND k.category = 'PUBLIC_FACILITY')
				""").update();
		String emergency = api
			.post("agent", "/api/v1/work-orders",
					Requests.with(Requests.hotline("PUBLIC_FACILITY", "单元门禁失灵，门关不上", Requests.home("3", "2", "602")),
							"grade", "L1"))
			.text("number");
		JsonNode reasons = proposal(api.get("dispatcher", "/api/v1/work-orders/" + emergency + "/recommendations"),
				"tech08")
			.get("reasons");
		assertThat(reasons.has("surge")).as(reasons.toString()).isFalse();

		Response dispatched = api.post("dispatcher", "/api/v1/work-orders/" + emergency + "/dispatch",
				Map.of("technicianId", "tech08"));

		assertThat(dispatched.status()).as(dispatched.body().toString()).isEqualTo(200);
		assertThat(api.get("supervisor", "/api/v1/work-orders/" + urgent).text("status")).isEqualTo("IN_PROGRESS");
	}

	private String order(String grade, String description, String building, String unit, String room) {
		Response created = api.post("agent", "/api/v1/work-orders", Requests
			.with(Requests.hotline("ELECTRICAL", description, Requests.home(building, unit, room)), "grade", grade));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.text("number");
	}

	/**
	 * The dispatcher sends the order to the technician, who takes it, arrives and starts.
	 */
	private void startWork(String technician, String number) {
		Response dispatched = api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch",
				Map.of("technicianId", technician));
		assertThat(dispatched.status()).as(dispatched.body().toString()).isEqualTo(200);
		for (String action : List.of("take", "arrive", "start")) {
			Response done = api.post(technician, "/api/v1/work-orders/" + number + "/" + action, Map.of());
			assertThat(done.status()).as(action + ": " + done.body()).isEqualTo(200);
		}
		assertThat(api.get("supervisor", "/api/v1/work-orders/" + number).text("status")).isEqualTo("IN_PROGRESS");
	}

	private JsonNode proposal(Response ranked, String username) {
		long id = jdbc.sql("SELECT id FROM staff WHERE username = ?").param(username).query(Long.class).single();
		return ranked.body()
			.valueStream()
			.filter(p -> p.get("technicianId").asLong() == id)
			.findFirst()
			.orElseThrow(() -> new AssertionError(username + " not proposed: " + ranked.body()));
	}

	private void capacity(Integer jobs) {
		jdbc.sql("UPDATE technician SET max_open_jobs = ? WHERE staff_id IN (SELECT id FROM staff WHERE username IN ("
				+ String.join(", ", ROOM_FOR.stream().map(u -> "'" + u + "'").toList()) + "))")
			.param(jobs)
			.update();
	}

}
