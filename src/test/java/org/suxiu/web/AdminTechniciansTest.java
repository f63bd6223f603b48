package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's page of technicians' skills and shifts. Works on a technician of
 * its own, deactivated afterwards, so that other tests' dispatch proposals stay as they
 * were.
 */
class AdminTechniciansTest extends ApplicationTest {

	@Autowired
	JdbcClient jdbc;

	private long id;

	@Test
	void aChangedSkillAndShiftShowOnTheTechnicianBoard() {
		PageClient admin = newTechnician("skill-tech");

		HttpResponse<String> answer = admin.submit("/admin/technicians?id=" + id, "/admin/technicians/" + id,
				form("4", "MONDAY", "08:00", "17:00", "true"));

		assertThat(answer.statusCode()).isEqualTo(302);
		var board = api.get("admin", "/api/v1/technicians").body();
		var mine = java.util.stream.StreamSupport.stream(board.spliterator(), false)
			.filter(t -> t.get("username").asString().equals("skill-tech"))
			.findFirst()
			.orElseThrow();
		assertThat(mine.get("skillLevels").get("PLUMBING").asInt()).isEqualTo(4);
		assertThat(mine.get("shifts").get(0).get("onCall").asBoolean()).isTrue();
		assertThat(admin.get("/admin/technicians?id=" + id).body()).contains("value=\"08:00\"");
	}

	@Test
	void badLevelsAreRefusedAndChangeNothing() {
		PageClient admin = newTechnician("bad-skill-tech");
		admin.submit("/admin/technicians?id=" + id, "/admin/technicians/" + id, form("3", "", "", "", "false"));

		HttpResponse<String> answer = admin.submit("/admin/technicians?id=" + id, "/admin/technicians/" + id,
				form("9", "TUESDAY", "09:00", "18:00", "false"));

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(admin.get(answer.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.body()).contains("levels are 1 to 5");
		assertThat(
				jdbc.sql("SELECT level FROM technician_skill WHERE staff_id = ?").param(id).query(Integer.class).list())
			.containsExactly(3);
		assertThat(jdbc.sql("SELECT count(*) FROM technician_shift WHERE staff_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesOtherRolesOtherTenantsAndFormsWithoutToken() {
		PageClient admin = new PageClient(port).signIn("admin");
		long north = jdbc.sql("SELECT id FROM staff WHERE username = 'north-tech01'").query(Long.class).single();

		assertThat(admin.get("/admin/technicians?id=" + north).statusCode()).isEqualTo(404);
		assertThat(admin.submit("/admin/technicians", "/admin/technicians/" + north, form("5", "", "", "", "false"))
			.statusCode()).isEqualTo(404);
		assertThat(admin.post("/admin/technicians/tech01", form("5", "", "", "", "false")).statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("dispatcher").get("/admin/technicians").statusCode()).isEqualTo(403);
	}

	@AfterEach
	void deactivate() {
		jdbc.sql("UPDATE staff SET active = FALSE WHERE username LIKE '%skill-tech'").update();
	}

	private PageClient newTechnician(String username) {
		PageClient admin = new PageClient(port).signIn("admin");
		admin.submit("/admin/staff", "/admin/staff",
				Map.of("username", username, "name", "测试师傅", "role", "TECHNICIAN", "password", "start-1234"));
		id = jdbc.sql("SELECT id FROM staff WHERE username = ?").param(username).query(Long.class).single();
		return admin;
	}

	private static Map<String, String> form(String plumbing, String day, String from, String to, String onCall) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("skill.PLUMBING", plumbing);
		form.put("day", day);
		form.put("from", from);
		form.put("to", to);
		form.put("onCall", onCall);
		return form;
	}

}
