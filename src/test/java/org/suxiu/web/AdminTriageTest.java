package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's grading rules page: bad documents are shown with their errors and
 * change nothing; the preview grades with the saved rules.
 */
class AdminTriageTest extends ApplicationTest {

	@Test
	void aBadDocumentIsShownWithItsErrorAndChangesNothing() {
		PageClient admin = new PageClient(port).signIn("admin");
		int version = api.get("admin", "/api/v1/triage/rules").body().get("version").asInt();

		HttpResponse<String> broken = admin.submit("/admin/triage", "/admin/triage",
				Map.of("version", String.valueOf(version), "document", "{\"rules\": ["));
		HttpResponse<String> invalid = admin.submit("/admin/triage", "/admin/triage", Map.of("version",
				String.valueOf(version), "document", "{\"negations\": [], \"rules\": [], \"categoryDefaults\": {}}"));

		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(broken.body()).contains("id=\"form-errors\"", "{&quot;rules&quot;: [");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("fallback: ", "rules: ");
		assertThat(api.get("admin", "/api/v1/triage/rules").body().get("version").asInt()).isEqualTo(version);
	}

	@Test
	void theSavedRulesGradeThePreview() {
		PageClient admin = new PageClient(port).signIn("admin");
		int version = api.get("admin", "/api/v1/triage/rules").body().get("version").asInt();
		String rules = """
				{"negations": ["没有"], "categoryDefaults": {}, "fallback": "L3",
				 "rules": [{"grade": "L1", "phrases": ["冒紫烟"], "weight": 1}]}
				""";

		HttpResponse<String> saved = admin.submit("/admin/triage", "/admin/triage",
				Map.of("version", String.valueOf(version), "document", rules));

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(admin.submit("/admin/triage", "/admin/triage/preview", Map.of("description", "配电箱冒紫烟")).body())
			.contains("预判等级：L1");
		assertThat(admin.submit("/admin/triage", "/admin/triage/restore", Map.of()).statusCode()).isEqualTo(302);
		assertThat(api.get("admin", "/api/v1/triage/rules").body().get("version").asInt()).isZero();
	}

	@Test
	void refusesOtherRolesAndFormsWithoutToken() {
		PageClient admin = new PageClient(port).signIn("admin");
		int version = api.get("admin", "/api/v1/triage/rules").body().get("version").asInt();

		assertThat(admin.post("/admin/triage/restore", Map.of()).statusCode()).isEqualTo(403);
		assertThat(admin.post("/admin/triage", Map.of("version", "0", "document", "{}")).statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("manager").get("/admin/triage").statusCode()).isEqualTo(403);
		assertThat(api.get("admin", "/api/v1/triage/rules").body().get("version").asInt()).isEqualTo(version);
	}

}
