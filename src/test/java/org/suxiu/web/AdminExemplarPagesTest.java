package org.suxiu.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator reviews the grading exemplars in plain words, imports a file (all or
 * nothing, the bad lines named) and removes a bad exemplar.
 */
class AdminExemplarPagesTest extends ApplicationTest {

	@Test
	void listsTheExemplarsInPlainWords() {
		PageClient admin = new PageClient(port).signIn("admin");

		HttpResponse<String> page = admin.get("/admin/triage/exemplars?grade=L1&source=SHIPPED");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("分级样例", "系统自带", "紧急").doesNotContain(">SHIPPED<", ">L1<");
	}

	@Test
	void importsAFileAndRemovesAnExemplar() {
		PageClient admin = new PageClient(port).signIn("admin");
		String tag = UUID.randomUUID().toString().substring(0, 8);
		byte[] bad = ("{\"text\":\"会所" + tag + "的门把手松了\",\"grade\":\"L3\"}\n{\"grade\":\"L1\"}\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] good = ("{\"text\":\"会所" + tag + "的门把手松了\",\"grade\":\"L3\",\"category\":\"DOOR_WINDOW\"}\n")
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> refused = admin.upload("/admin/triage/exemplars", "/admin/triage/exemplars/import",
				Map.of(), "file", "bad.jsonl", bad);
		HttpResponse<String> imported = admin.upload("/admin/triage/exemplars", "/admin/triage/exemplars/import",
				Map.of(), "file", "good.jsonl", good);
		String id = api.get("admin", "/api/v1/triage/exemplars?source=IMPORT&size=500")
			.body()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		HttpResponse<String> removed = admin.submit("/admin/triage/exemplars",
				"/admin/triage/exemplars/" + id + "/delete", Map.of());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("line 2");
		assertThat(imported.statusCode()).isEqualTo(302);
		assertThat(removed.statusCode()).isEqualTo(302);
		assertThat(api.get("admin", "/api/v1/triage/exemplars/export").body().toString()).doesNotContain(tag);
	}

	@Test
	void otherRolesMayNotOpenIt() {
		assertThat(new PageClient(port).signIn("agent").get("/admin/triage/exemplars").statusCode()).isEqualTo(403);
	}

}
