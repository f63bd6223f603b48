package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.suxiu.ApplicationTest;
import org.suxiu.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company the operator has just created walks its first-run path on the administrator's
 * home page: name, project, a common area, staff from Excel, and a test order that is
 * taken and cancelled.
 */
class FirstRunPagesTest extends ApplicationTest {

	@Test
	void aNewCompanyIsWalkedThroughItsFirstRun() {
		String tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		String admin = "fr-admin-" + tag;
		String code = ("FR" + tag).toUpperCase().substring(0, Math.min(12, tag.length() + 2));
		PageClient operator = new PageClient(port).signIn("operator", OPERATOR_PASSWORD);
		assertThat(operator
			.submit("/platform", "/platform/companies",
					Map.of("name", "初访物业", "adminUsername", admin, "adminPassword", "first-run-password"))
			.statusCode()).isEqualTo(302);
		assertThat(operator.get("/platform").body()).contains("初访物业", "示范物业");
		PageClient pages = new PageClient(port).signIn(admin, "first-run-password");

		String before = pages.get("/admin").body();
		pages.submit("/admin", "/admin/setup/company", Map.of("name", "初访物业有限公司"));
		pages.submit("/admin", "/admin/setup/project",
				Map.of("code", code, "name", "初访花园", "city", "杭州", "hotline", "0571-8888 0000"));
		pages.submit("/admin/sites", "/admin/sites/buildings", Map.of("project", code, "code", "1", "floors", "6"));
		pages.submit("/admin/sites", "/admin/sites/areas", Map.of("project", code, "name", "小区大门", "kind", "GATE"));
		HttpResponse<String> staff = pages.upload("/admin", "/admin/setup/staff", Map.of(), "file", "staff.xlsx",
				Workbooks.workbook(List.of("用户名", "姓名", "角色", "初始密码"),
						List.of(List.of("fr-agent-" + tag, "初客服", "客服", "password-1"))));
		pages.submit("/admin", "/admin/setup/test-order", Map.of("project", code));
		String after = pages.get("/admin").body();

		assertThat(before).contains("id=\"setup\"", "开始使用", "id=\"new-project\"");
		assertThat(staff.statusCode()).isEqualTo(302);
		assertThat(pages.get("/admin/sites").body()).contains("初访花园", "小区大门", "大门", "1号楼");
		assertThat(after).doesNotContain("id=\"setup\"");
		String number = api.signIn(admin, "first-run-password") == null ? null
				: api.get(admin, "/api/v1/projects/" + code).text("code");
		assertThat(number).isEqualTo(code);
		assertThat(api.get("admin", "/api/v1/projects/" + code).status()).isEqualTo(404);
	}

	@Test
	void theOperatorHasNoWayIntoACompanysPages() {
		PageClient operator = new PageClient(port).signIn("operator", OPERATOR_PASSWORD);

		assertThat(operator.get("/").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/platform"));
		assertThat(operator.get("/admin").statusCode()).isEqualTo(403);
		assertThat(operator.get("/dispatch").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("admin").get("/platform").statusCode()).isEqualTo(403);
	}

}
