package org.suxiu.hardening;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Staff administration over the API, for administrators of their own company, and the one
 * namespace of sign-in names: a staff name can never be a mobile number.
 */
class StaffApiTest extends ApplicationTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void listsTheCompanysStaffWithRoleActiveAndProjects() {
		Response answer = api.get("admin", "/api/v1/admin/staff");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("items").valueStream().map(s -> s.get("username").asString()))
			.contains("agent", "tech01")
			.doesNotContain("north-agent");
		assertThat(answer.body().get("items").get(0).propertyNames()).contains("id", "username", "name", "role",
				"active", "projects");
	}

	@Test
	void addsAStaffMemberWhoCanSignIn() {
		Response added = api.post("admin", "/api/v1/admin/staff", Map.of("username", "api-agent-1", "name", "接线员",
				"role", "AGENT", "password", "secret-pass", "projects", List.of("DEMO")));

		assertThat(added.status()).isEqualTo(201);
		assertThat(added.location()).endsWith("/api/v1/admin/staff/" + added.body().get("id").asLong());
		assertThat(added.body().get("projects").valueStream().map(p -> p.asString())).containsExactly("DEMO");
		assertThat(api.freshToken("api-agent-1", "secret-pass")).isNotBlank();
	}

	@Test
	void refusesAMobileNumberAsAStaffName() {
		Response answer = api.post("admin", "/api/v1/admin/staff", Map.of("username", "13800000009", "name", "数字",
				"role", "AGENT", "password", "secret-pass", "projects", List.of()));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo("username");
	}

	@Test
	void theDatabaseRefusesAStaffNameThatIsNotLetterFirst() {
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO staff (tenant_id, username, name, role, password_hash, created_at)
				SELECT tenant_id, '13800000001', 'x', 'AGENT', 'x', now() FROM staff WHERE username = 'agent'
				""").update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anotherCompanysAdministratorGetsNotFound() {
		long agent = idOf("agent");
		jdbc.sql("INSERT INTO staff (tenant_id, username, name, role, password_hash, created_at) "
				+ "SELECT tenant_id, 'north-admin', '北城管理员', 'ADMIN', password_hash, now() FROM staff "
				+ "WHERE username = 'north-agent' ON CONFLICT (username) DO NOTHING")
			.update();

		Response answer = api.patch("north-admin", "/api/v1/admin/staff/" + agent, Map.of("active", false));

		assertThat(answer.status()).isEqualTo(404);
		assertThat(api.get("north-admin", "/api/v1/admin/staff").body().toString()).doesNotContain("\"agent\"");
		assertThat(jdbc.sql("SELECT active FROM staff WHERE id = ?").param(agent).query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void refusesAnotherCompanysProject() {
		Response answer = api.post("admin", "/api/v1/admin/staff", Map.of("username", "api-agent-2", "name", "x",
				"role", "AGENT", "password", "secret-pass", "projects", List.of("NORTH")));

		assertThat(answer.status()).isEqualTo(400);
	}

	@Test
	void unknownStaffIdIsNotFound() {
		Response answer = api.patch("admin", "/api/v1/admin/staff/999999", Map.of("active", false));

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.isProblem()).isTrue();
	}

	@Test
	void onlyAdministratorsManageStaff() {
		assertThat(api.get("agent", "/api/v1/admin/staff").status()).isEqualTo(403);
		assertThat(api.get("13800000001", "/api/v1/admin/staff").status()).isEqualTo(403);
		assertThat(api.get(null, "/api/v1/admin/staff").status()).isEqualTo(401);
	}

	private long idOf(String username) {
		return jdbc.sql("SELECT id FROM staff WHERE username = ?").param(username).query(Long.class).single();
	}

}
