package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's staff page: adding staff, changing roles, only in their own tenant.
 */
class AdminStaffTest extends ApplicationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAddedStaffMemberCanSignInAtOnce() {
		PageClient admin = new PageClient(port).signIn("admin");

		HttpResponse<String> answer = admin.submit("/admin/staff", "/admin/staff", Map.of("username", "zhou-agent",
				"name", "周敏", "phone", "13966660001", "role", "AGENT", "password", "start-1234"));

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/staff").body()).contains("zhou-agent", "周敏", "13966660001");
		assertThat(new PageClient(port)
			.submit("/login", "/login", Map.of("username", "zhou-agent", "password", "start-1234"))
			.headers()
			.firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	@Test
	void badInputIsShownOnTheFormAndAddsNobody() {
		PageClient admin = new PageClient(port).signIn("admin");

		HttpResponse<String> answer = admin.submit("/admin/staff", "/admin/staff",
				Map.of("username", "x", "name", "吴", "phone", "12345", "role", "AGENT", "password", "short"));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("id=\"form-errors\"", "手机号格式不正确", "至少 8 位");
		assertThat(admin
			.submit("/admin/staff", "/admin/staff",
					Map.of("username", "admin", "name", "重名", "role", "AGENT", "password", "start-1234"))
			.body()).contains("用户名已被使用");
		assertThat(jdbc.sql("SELECT count(*) FROM staff WHERE name IN ('吴', '重名')").query(Long.class).single())
			.isZero();
	}

	@Test
	void deactivatedStaffCanNoLongerSignIn() {
		PageClient admin = new PageClient(port).signIn("admin");
		admin.submit("/admin/staff", "/admin/staff",
				Map.of("username", "sun-disp", "name", "孙", "role", "AGENT", "password", "start-1234"));
		long id = idOf("sun-disp");

		admin.submit("/admin/staff", "/admin/staff/" + id, Map.of("role", "DISPATCHER"));

		assertThat(jdbc.sql("SELECT role || active FROM staff WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("DISPATCHERfalse");
		assertThat(new PageClient(port)
			.submit("/login", "/login", Map.of("username", "sun-disp", "password", "start-1234"))
			.headers()
			.firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
	}

	@Test
	void anotherTenantsStaffDoNotExistAndFormsNeedTheirToken() {
		PageClient admin = new PageClient(port).signIn("admin");
		long north = idOf("north-tech01");

		assertThat(admin.submit("/admin/staff", "/admin/staff/" + north, Map.of("role", "ADMIN", "active", "true"))
			.statusCode()).isEqualTo(404);
		assertThat(admin.get("/admin/staff").body()).doesNotContain("north-tech01");
		assertThat(admin.post("/admin/staff/" + idOf("agent"), Map.of("role", "ADMIN", "active", "true")).statusCode())
			.isEqualTo(403);
		assertThat(jdbc.sql("SELECT role FROM staff WHERE username = 'agent'").query(String.class).single())
			.isEqualTo("AGENT");
		assertThat(new PageClient(port).signIn("manager").get("/admin/staff").statusCode()).isEqualTo(403);
	}

	private long idOf(String username) {
		return jdbc.sql("SELECT id FROM staff WHERE username = ?").param(username).query(Long.class).single();
	}

}
