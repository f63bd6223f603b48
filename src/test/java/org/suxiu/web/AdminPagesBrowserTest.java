package org.suxiu.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each administration page on a 1366 px desk screen, reached from the administration
 * home; screenshots in {@code target/screenshots/admin-*.png}.
 */
class AdminPagesBrowserTest extends BrowserTest {

	private static final Map<String, String> PAGES = Map.of("staff", "员工和角色", "technicians", "维修工技能和排班", "sla",
			"服务时限和工作日历", "triage", "分级规则", "sites", "项目和楼栋");

	@Test
	void everyAdministrationPageIsReachableFromTheHomeAndFitsTheScreen() {
		Browser admin = desk().signIn("admin");
		admin.screenshot("admin-home");

		PAGES.forEach((page, title) -> {
			admin.open("/admin").click("a[href='/admin/" + page + "']");
			assertThat(admin.text("h1")).isEqualTo(title);
			assertThat(admin.scrollsSideways()).as(page).isFalse();
			admin.screenshot("admin-" + page);
		});
	}

	@Test
	void thePreviewGradesWhatIsTyped() {
		Browser admin = desk().signIn("admin").open("/admin/triage");

		admin.type("#description", "电梯困人，有人被困在轿厢里").click("#preview button");

		admin.waitForText("预判等级：L1");
		admin.screenshot("admin-triage-preview");
	}

}
