package org.suxiu.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deactivation, a role change, a change of projects and a new password end the person's
 * tokens and page sessions at their next request; signing out ends one token.
 */
class RevocationTest extends ApplicationTest {

	private static final AtomicInteger NEXT = new AtomicInteger();

	@Autowired
	private JdbcClient jdbc;

	@Test
	void deactivationEndsTheTokenAtTheNextRequest() {
		Staff tech = technician();
		String token = api.freshToken(tech.username(), "secret-pass");
		assertThat(api.getWithToken(token, "/api/v1/work-orders").status()).isEqualTo(200);

		api.patch("admin", "/api/v1/admin/staff/" + tech.id(), Map.of("active", false));

		Response after = api.getWithToken(token, "/api/v1/work-orders");
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.isProblem()).isTrue();
	}

	@Test
	void aRoleChangeEndsTheToken() {
		Staff tech = technician();
		String token = api.freshToken(tech.username(), "secret-pass");

		api.patch("admin", "/api/v1/admin/staff/" + tech.id(), Map.of("role", "AGENT"));

		assertThat(api.getWithToken(token, "/api/v1/work-orders").status()).isEqualTo(401);
		String again = api.freshToken(tech.username(), "secret-pass");
		assertThat(api.getWithToken(again, "/api/v1/work-orders").status()).isEqualTo(200);
	}

	@Test
	void aChangeOfProjectsEndsTheToken() {
		Staff tech = technician();
		String token = api.freshToken(tech.username(), "secret-pass");

		api.patch("admin", "/api/v1/admin/staff/" + tech.id(), Map.of("projects", List.of("DEMO")));

		assertThat(api.getWithToken(token, "/api/v1/work-orders").status()).isEqualTo(401);
	}

	@Test
	void aNewPasswordEndsTheTokenAndTheOldPassword() {
		Staff tech = technician();
		String token = api.freshToken(tech.username(), "secret-pass");

		api.patch("admin", "/api/v1/admin/staff/" + tech.id(), Map.of("password", "another-pass"));

		assertThat(api.getWithToken(token, "/api/v1/work-orders").status()).isEqualTo(401);
		assertThat(api.post(null, "/api/v1/auth/token", Map.of("username", tech.username(), "password", "secret-pass"))
			.status()).isEqualTo(401);
		assertThat(api.freshToken(tech.username(), "another-pass")).isNotBlank();
	}

	@Test
	void anUnchangedPatchKeepsTheToken() {
		Staff tech = technician();
		String token = api.freshToken(tech.username(), "secret-pass");

		api.patch("admin", "/api/v1/admin/staff/" + tech.id(), Map.of("active", true, "role", "TECHNICIAN"));

		assertThat(api.getWithToken(token, "/api/v1/work-orders").status()).isEqualTo(200);
	}

	@Test
	void aChangeMadeByAnotherInstanceIsSeenWithinFiveSeconds() {
		Staff tech = technician();
		String token = api.freshToken(tech.username(), "secret-pass");
		assertThat(api.getWithToken(token, "/api/v1/work-orders").status()).isEqualTo(200);

		// what another instance's change leaves behind: the row, and no event here
		jdbc.sql("UPDATE staff SET active = FALSE, access_version = access_version + 1 WHERE id = ?")
			.param(tech.id())
			.update();

		await().atMost(Duration.ofSeconds(6))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> api.getWithToken(token, "/api/v1/work-orders").status() == 401);
	}

	@Test
	void signingOutEndsThatTokenOnly() {
		Staff tech = technician();
		String token = api.freshToken(tech.username(), "secret-pass");
		String other = api.freshToken(tech.username(), "secret-pass");

		Response out = api.postWithToken(token, "/api/v1/auth/logout", Map.of());

		assertThat(out.status()).isEqualTo(204);
		assertThat(api.getWithToken(token, "/api/v1/work-orders").status()).isEqualTo(401);
		assertThat(api.getWithToken(other, "/api/v1/work-orders").status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM revoked_token").query(Long.class).single()).isPositive();
	}

	@Test
	void deactivationEndsThePageSession() {
		Staff tech = technician();
		PageClient browser = new PageClient(port);
		browser.submit("/login", "/login", Map.of("username", tech.username(), "password", "secret-pass"));
		assertThat(browser.get("/tech").statusCode()).isEqualTo(200);

		api.patch("admin", "/api/v1/admin/staff/" + tech.id(), Map.of("active", false));

		var after = browser.get("/tech");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void aRoleChangeOnTheAdminPageEndsThePageSession() {
		Staff tech = technician();
		PageClient browser = new PageClient(port);
		browser.submit("/login", "/login", Map.of("username", tech.username(), "password", "secret-pass"));
		PageClient admin = new PageClient(port).signIn("admin");

		admin.submit("/admin/staff", "/admin/staff/" + tech.id(), Map.of("role", "AGENT", "active", "true"));

		assertThat(browser.get("/tech").statusCode()).isEqualTo(302);
	}

	private Staff technician() {
		String name = "rev-tech-" + NEXT.incrementAndGet();
		Response added = api.post("admin", "/api/v1/admin/staff", Map.of("username", name, "name", "撤销测试", "role",
				"TECHNICIAN", "password", "secret-pass", "projects", List.of()));
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		return new Staff(added.body().get("id").asLong(), name);
	}

	private record Staff(long id, String username) {
	}

}
