package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's projects and buildings page. Moves DEMO's building 1 and puts it
 * back, so that other tests' travel times stay as they were.
 */
class AdminSitesTest extends ApplicationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMovedBuildingIsWhereTheSitePlanLooks() {
		PageClient admin = new PageClient(port).signIn("admin");
		Map<String, Object> before = position();

		HttpResponse<String> answer = admin.submit("/admin/sites", "/admin/sites",
				Map.of("project", "DEMO", "building", "1", "lat", "31.5", "lng", "121.25"));

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(position()).containsEntry("lat", 31.5).containsEntry("lng", 121.25);
		assertThat(admin.get("/admin/sites").body()).contains("value=\"31.5\"", "value=\"121.25\"");
		admin.submit("/admin/sites", "/admin/sites", Map.of("project", "DEMO", "building", "1", "lat",
				before.get("lat").toString(), "lng", before.get("lng").toString()));
		assertThat(position()).isEqualTo(before);
	}

	@Test
	void badCoordinatesAreShownAndChangeNothing() {
		PageClient admin = new PageClient(port).signIn("admin");
		Map<String, Object> before = position();

		HttpResponse<String> answer = admin.submit("/admin/sites", "/admin/sites",
				Map.of("project", "DEMO", "building", "1", "lat", "91", "lng", "东经121"));

		assertThat(admin.get(answer.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.body()).contains("请填写以度为单位的数字");
		assertThat(position()).isEqualTo(before);
	}

	@Test
	void refusesOtherRolesOtherTenantsAndFormsWithoutToken() {
		PageClient admin = new PageClient(port).signIn("admin");

		assertThat(admin.get("/admin/sites").body()).contains("示范花园").doesNotContain("北苑");
		assertThat(admin
			.submit("/admin/sites", "/admin/sites",
					Map.of("project", "NORTH", "building", "1", "lat", "30", "lng", "120"))
			.statusCode()).isEqualTo(404);
		assertThat(admin.post("/admin/sites", Map.of("project", "DEMO", "building", "1", "lat", "30", "lng", "120"))
			.statusCode()).isEqualTo(403);
		assertThat(position().get("lat")).isNotEqualTo(30.0);
		assertThat(new PageClient(port).signIn("dispatcher").get("/admin/sites").statusCode()).isEqualTo(403);
	}

	private Map<String, Object> position() {
		return jdbc.sql("""
				SELECT b.lat, b.lng FROM building b JOIN project p ON p.id = b.project_id
				WHERE p.code = 'DEMO' AND b.code = '1'
				""").query().singleRow();
	}

}
