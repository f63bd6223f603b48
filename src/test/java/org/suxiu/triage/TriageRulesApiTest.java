package org.suxiu.triage;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant edits its own grading rules; the next order is graded by them, other tenants
 * are not.
 */
class TriageRulesApiTest extends ApplicationTest {

	@AfterEach
	void restoreShippedRules() {
		api.delete("admin", "/api/v1/triage/rules");
	}

	@Test
	void anEditedRuleGradesTheNextOrder() {
		Response before = api.get("admin", "/api/v1/triage/rules");
		Map<String, Object> edited = withExtraL1Phrase(before.body().get("rules"), "墙皮脱落");

		Response saved = api.put("admin", "/api/v1/triage/rules",
				Map.of("version", before.body().get("version").asInt(), "rules", edited));
		Response order = api.post("agent", "/api/v1/work-orders",
				Requests.hotline("WALL_CEILING", "楼道墙皮脱落", Requests.area("地下车库")));

		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body().get("version").asInt()).isEqualTo(before.body().get("version").asInt() + 1);
		assertThat(order.text("grade")).isEqualTo("L1");
	}

	@Test
	void anotherTenantKeepsTheShippedRules() {
		Response before = api.get("admin", "/api/v1/triage/rules");
		api.put("admin", "/api/v1/triage/rules", Map.of("version", before.body().get("version").asInt(), "rules",
				withExtraL1Phrase(before.body().get("rules"), "墙皮脱落")));

		Response preview = api.post("north-agent", "/api/v1/triage/preview",
				Map.of("category", "WALL_CEILING", "description", "楼道墙皮脱落"));

		assertThat(preview.text("grade")).isEqualTo("L3");
	}

	@Test
	void refusesAStaleVersionWith409() {
		Response before = api.get("admin", "/api/v1/triage/rules");
		int version = before.body().get("version").asInt();
		Map<String, Object> edited = withExtraL1Phrase(before.body().get("rules"), "墙皮脱落");
		api.put("admin", "/api/v1/triage/rules", Map.of("version", version, "rules", edited));

		Response stale = api.put("admin", "/api/v1/triage/rules", Map.of("version", version, "rules", edited));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.isProblem()).isTrue();
	}

	@Test
	void onlyAdminsAndManagersReadTheRules() {
		assertThat(api.get("agent", "/api/v1/triage/rules").status()).isEqualTo(403);
		assertThat(api.get("manager", "/api/v1/triage/rules").status()).isEqualTo(200);
	}

	@Test
	void previewShowsAnAgentTheSuggestedGradeAndWhy() {
		Response preview = api.post("agent", "/api/v1/triage/preview",
				Map.of("category", "GAS", "description", "楼道里一股煤气味"));

		assertThat(preview.text("grade")).isEqualTo("L1");
		assertThat(preview.body().get("matched").valueStream().map(JsonNode::asString)).contains("煤气味");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> withExtraL1Phrase(JsonNode rules, String phrase) {
		Map<String, Object> document = json.convertValue(rules, Map.class);
		List<Map<String, Object>> list = new java.util.ArrayList<>((List<Map<String, Object>>) document.get("rules"));
		list.add(0, Map.of("grade", "L1", "phrases", List.of(phrase), "weight", 5));
		document.put("rules", list);
		return document;
	}

}
