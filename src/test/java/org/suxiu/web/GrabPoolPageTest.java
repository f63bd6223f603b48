package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grab-pool settings page: a supervisor opens the pool for some grades and repair
 * types with an offer window typed as a number and a unit; dispatchers read it; agents
 * have no such page.
 */
class GrabPoolPageTest extends ApplicationTest {

	@AfterEach
	void closeThePoolAgain() {
		api.put("supervisor", "/api/v1/projects/DEMO/grab-pool", Map.of("enabled", false));
	}

	@Test
	void aSupervisorOpensThePoolForPlumbingForTwoHours() {
		PageClient supervisor = new PageClient(port).signIn("supervisor");
		int version = api.get("supervisor", "/api/v1/projects/DEMO/grab-pool").body().get("version").asInt();

		HttpResponse<String> saved = supervisor.submit("/settings/grab-pool", "/settings/grab-pool",
				Map.of("project", "DEMO", "enabled", "true", "grades", "L3", "categories", "PLUMBING", "window", "2",
						"unit", "h", "version", String.valueOf(version)));

		assertThat(saved.statusCode()).isEqualTo(302);
		JsonNode pool = api.get("supervisor", "/api/v1/projects/DEMO/grab-pool").body();
		assertThat(pool.get("enabled").asBoolean()).isTrue();
		assertThat(pool.get("grades").valueStream().map(JsonNode::asString)).containsExactly("L3");
		assertThat(pool.get("categories").valueStream().map(JsonNode::asString)).containsExactly("PLUMBING");
		assertThat(pool.get("offerMinutes").asInt()).isEqualTo(120);
		String page = supervisor
			.get(saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.body();
		assertThat(page).contains("DEMO 的抢单设置已保存").contains("value=\"2\"");
		assertThat(page).containsPattern("<option value=\"h\" selected=\"selected\">小时</option>");
	}

	@Test
	void aSecondSaveFromAnOldPageAsksForAReload() {
		PageClient supervisor = new PageClient(port).signIn("supervisor");
		int version = api.get("supervisor", "/api/v1/projects/DEMO/grab-pool").body().get("version").asInt();
		api.put("manager", "/api/v1/projects/DEMO/grab-pool", Map.of("enabled", true, "grades", List.of("L4")));

		HttpResponse<String> saved = supervisor.submitFrom("/settings/grab-pool", "/settings/grab-pool",
				Map.of("project", "DEMO", "enabled", "true", "grades", "L3", "version", String.valueOf(version)));

		assertThat(
				supervisor.get(saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
					.body())
			.contains("已被他人修改，请刷新");
		assertThat(api.get("supervisor", "/api/v1/projects/DEMO/grab-pool").body().get("grades").get(0).asString())
			.isEqualTo("L4");
	}

	@Test
	void dispatchersReadTheSettingsAgentsHaveNoPage() {
		String page = new PageClient(port).signIn("dispatcher").get("/settings/grab-pool").body();

		assertThat(page).contains("<fieldset class=\"stack\" disabled=\"disabled\"").contains("维修主管、项目经理或管理员可以修改");
		assertThat(new PageClient(port).signIn("agent").get("/settings/grab-pool").statusCode()).isEqualTo(403);
	}

}
