package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's SLA policy and calendar page. Works on DEMO (the only
 * administrator's project), changing L3's completion limit and putting it back, and on a
 * date far ahead, so that other tests' clocks stay as they were.
 */
class AdminSlaTest extends ApplicationTest {

	private static final Pattern INPUT = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

	@Test
	void aChangedLimitIsServedByTheApi() {
		PageClient admin = new PageClient(port).signIn("admin");
		Map<String, String> form = formOf(admin);
		String before = form.get("L3.complete");
		String beforeUnit = form.get("L3.complete.unit");

		HttpResponse<String> answer = admin.submit("/admin/sla", "/admin/sla/policy",
				with(with(form, "L3.complete", "4"), "L3.complete.unit", "d"));

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(follow(admin, answer)).contains("已保存服务时限");
		assertThat(api.get("admin", "/api/v1/projects/DEMO/sla-policy")
			.body()
			.get("grades")
			.get("L3")
			.get("complete")
			.asString()).isEqualTo("P4D");
		admin.submit("/admin/sla", "/admin/sla/policy",
				with(with(formOf(admin), "L3.complete", before), "L3.complete.unit", beforeUnit));
		assertThat(api.get("admin", "/api/v1/projects/DEMO/sla-policy")
			.body()
			.get("grades")
			.get("L3")
			.get("complete")
			.asString()).isEqualTo("P3D");
	}

	@Test
	void showsLimitsAsNumberAndUnit() {
		Map<String, String> form = formOf(new PageClient(port).signIn("admin"));

		assertThat(form).containsEntry("L1.respond", "5").containsEntry("L1.respond.unit", "min");
		assertThat(form).containsEntry("L1.complete", "4").containsEntry("L1.complete.unit", "h");
		assertThat(form).containsEntry("L3.arrive", "1").containsEntry("L3.arrive.unit", "d");
	}

	@Test
	void aBadValueIsShownAndChangesNothing() {
		PageClient admin = new PageClient(port).signIn("admin");
		int version = api.get("admin", "/api/v1/projects/DEMO/sla-policy").body().get("version").asInt();

		HttpResponse<String> answer = admin.submit("/admin/sla", "/admin/sla/policy",
				with(formOf(admin), "L1.respond", "five minutes"));

		assertThat(follow(admin, answer)).contains("grades.L1.respond");
		assertThat(api.get("admin", "/api/v1/projects/DEMO/sla-policy").body().get("version").asInt())
			.isEqualTo(version);
	}

	@Test
	void declaresAndRestoresACalendarDay() {
		PageClient admin = new PageClient(port).signIn("admin");

		admin.submit("/admin/sla", "/admin/sla/calendar",
				Map.of("project", "DEMO", "day", "2031-05-06", "type", "HOLIDAY"));
		assertThat(admin.get("/admin/sla").body()).contains("2031-05-06");

		admin.submit("/admin/sla", "/admin/sla/calendar",
				Map.of("project", "DEMO", "day", "2031-05-06", "restore", "true"));
		assertThat(admin.get("/admin/sla").body()).doesNotContain("2031-05-06");
	}

	@Test
	void refusesOtherRolesOtherTenantsAndFormsWithoutToken() {
		PageClient admin = new PageClient(port).signIn("admin");

		assertThat(admin.get("/admin/sla?project=NORTH").statusCode()).isEqualTo(404);
		assertThat(admin
			.submit("/admin/sla", "/admin/sla/calendar",
					Map.of("project", "NORTH", "day", "2031-05-07", "type", "HOLIDAY"))
			.statusCode()).isEqualTo(404);
		assertThat(admin.post("/admin/sla/calendar", Map.of("project", "DEMO", "day", "2031-05-07", "type", "HOLIDAY"))
			.statusCode()).isEqualTo(403);
		assertThat(admin.get("/admin/sla").body()).doesNotContain("2031-05-07");
		assertThat(new PageClient(port).signIn("manager").get("/admin/sla").statusCode()).isEqualTo(403);
	}

	private static Map<String, String> formOf(PageClient admin) {
		String page = admin.get("/admin/sla").body();
		String policy = page.substring(page.indexOf("id=\"policy\""),
				page.indexOf("</form>", page.indexOf("id=\"policy\"")));
		Map<String, String> form = new HashMap<>();
		Matcher input = INPUT.matcher(policy);
		while (input.find()) {
			form.put(input.group(1), input.group(2));
		}
		Matcher select = Pattern.compile("<select name=\"([^\"]+)\"[\\s\\S]*?<option value=\"([^\"]+)\" selected")
			.matcher(policy);
		while (select.find()) {
			form.put(select.group(1), select.group(2));
		}
		form.remove("_csrf");
		return form;
	}

	private static String follow(PageClient client, HttpResponse<String> answer) {
		return client.get(answer.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.body();
	}

	private static Map<String, String> with(Map<String, String> form, String name, String value) {
		Map<String, String> changed = new HashMap<>(form);
		changed.put(name, value);
		return changed;
	}

}
