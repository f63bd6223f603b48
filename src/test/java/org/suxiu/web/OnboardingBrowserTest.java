package org.suxiu.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.suxiu.Api;
import org.suxiu.ProductionRun;
import org.suxiu.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From an empty PostgreSQL server to the first closed order using only the pages: the
 * operator creates 晨光物业, its administrator walks the first-run path (project, a building
 * and a lift, homes and staff from Excel, the SLA, a test order), then the agent takes a
 * call, the dispatcher dispatches, the technician works the job, the agent records the
 * owner's acceptance and the follow-up call closes it. The application runs as in
 * production: its own database, no demo data.
 */
class OnboardingBrowserTest {

	private static ProductionRun run;

	private final List<Browser> opened = new ArrayList<>();

	@BeforeAll
	static void start() {
		boolean required = System.getenv("CI") != null || Boolean.getBoolean("suxiu.browser-tests");
		if (required && !Browser.available()) {
			throw new IllegalStateException("Browser tests need /usr/bin/chromium and /usr/bin/chromedriver");
		}
		org.junit.jupiter.api.Assumptions.assumeTrue(Browser.available(),
				"chromium and chromium-driver are not installed");
		run = ProductionRun.start("--suxiu.web.live-fallback=PT10M");
	}

	@AfterAll
	static void stop() {
		if (run != null) {
			run.close();
		}
	}

	@AfterEach
	void closeBrowsers() {
		opened.forEach(Browser::close);
	}

	@Test
	void aNewCompanyGoesFromNothingToItsFirstClosedOrder() throws IOException {
		Browser operator = desk().signIn("operator", ProductionRun.OPERATOR_PASSWORD);
		operator.type("#c-name", "晨光物业");
		operator.type("#c-admin", "cg-admin");
		operator.type("#c-password", "cg-admin-password-1");
		operator.find("#new-company").submit();
		operator.find("[data-company='晨光物业']");
		operator.screenshot("onboarding-1-platform");

		Browser admin = desk().signIn("cg-admin", "cg-admin-password-1");
		admin.find("#setup");
		admin.screenshot("onboarding-2-first-run");
		admin.type("#company-name", "晨光物业有限公司");
		admin.find("#company-name").submit();
		admin.waitForText("公司名称已保存");
		admin.type("#p-code", "CG");
		admin.type("#p-name", "晨光花园");
		admin.type("#p-city", "上海");
		admin.type("#p-hotline", "021-6400 1234");
		admin.type("#p-signature", "晨光物业");
		admin.find("#new-project").submit();
		admin.waitForText("已建立项目 CG");

		admin.open("/admin/sites");
		admin.type("#add-building-CG input[name=code]", "1");
		admin.type("#add-building-CG input[name=floors]", "11");
		admin.find("#add-building-CG").submit();
		admin.waitForText("已添加楼栋 1");
		admin.type("#add-area-CG input[name=name]", "1号楼1号电梯");
		admin.select("#add-area-CG select[name=kind]", "LIFT");
		admin.select("#add-area-CG select[name=building]", "1");
		admin.find("#add-area-CG").submit();
		admin.waitForText("已添加公共区域 1号楼1号电梯");
		admin.screenshot("onboarding-3-sites");

		admin.open("/admin");
		admin.select("#project", "CG");
		admin.find("#file")
			.sendKeys(file("homes",
					Workbooks.workbook(Workbooks.HOME_HEADERS,
							List.of(List.of("1", "1", "101", "陈晨", "13700000001"), List.of("1", "1", "102"))))
				.toString());
		admin.find("#import").submit();
		admin.find("#import-result");
		admin.find("#staff-file")
			.sendKeys(file("staff", Workbooks.workbook(List.of("用户名", "姓名", "手机", "角色", "初始密码", "项目", "技能", "班次"), List
				.of(List.of("cg-agent", "晨客服", "13900005001", "客服", "cg-staff-password"),
						List.of("cg-dispatcher", "晨调度", "13900005002", "调度员", "cg-staff-password"), List.of("cg-tech",
								"晨师傅", "13900005003", "维修工", "cg-staff-password", "CG", "给排水:4", "每天 00:00-23:59"))))
				.toString());
		admin.find("#staff-import").submit();
		admin.waitForText("已导入 3 名员工");
		admin.open("/admin/sla");
		admin.waitForText("L1");
		admin.open("/admin");
		admin.click("#test-order");
		admin.waitForText("已受理并取消");
		assertThat(admin.has("#setup")).isFalse();
		admin.screenshot("onboarding-4-set-up");

		Browser agent = desk().signIn("cg-agent", "cg-staff-password");
		agent.type("#name", "陈晨");
		agent.type("#phone", "13700000001");
		agent.select("#project", "CG");
		agent.type("#room", "1-1-101");
		agent.select("#category", "PLUMBING");
		agent.type("#description", "厨房水管接头漏水");
		agent.click("#submit-order");
		String number = agent.text("#number");
		assertThat(number).startsWith("BX");

		Browser dispatcher = desk().signIn("cg-dispatcher", "cg-staff-password");
		String card = "#queue [data-number='" + number + "']";
		dispatcher.click(card + " .show-proposals");
		dispatcher.click("#proposals form button.primary");
		dispatcher.waitForText("→");

		Browser tech = phone().signIn("cg-tech", "cg-staff-password");
		tech.click("a[href='/tech/jobs/" + number + "']");
		tech.click("#take");
		tech.click("#arrive");
		tech.click("#start");
		tech.type("#resolution", "更换接头密封圈");
		tech.find("#complete").submit();
		tech.waitForText("已完工");

		agent.open("/agent/orders/" + number);
		agent.select("#rating", "5");
		agent.type("#comment", "修得快");
		agent.find("#accept-for-owner").submit();
		agent.waitForText("已代业主验收");
		agent.open("/agent");
		String followUp = "[data-number='" + number + "']";
		agent.click(followUp + " input[name=satisfied][value=true]");
		agent.find(followUp + " input[name=note]").sendKeys("业主满意");
		agent.click(followUp + " .follow-up");
		agent.waitUntil(d -> !agent.has(followUp));
		agent.screenshot("onboarding-5-closed");

		Api api = run.api();
		api.signIn("cg-agent", "cg-staff-password");
		assertThat(api.get("cg-agent", "/api/v1/work-orders/" + number).text("status")).isEqualTo("CLOSED");
		assertThat(
				api.get("cg-agent", "/api/v1/work-orders?projectCode=CG&status=CANCELLED").body().get("total").asInt())
			.as("the test order")
			.isEqualTo(1);
	}

	private Browser desk() {
		Browser browser = Browser.desk(run.port());
		opened.add(browser);
		return browser;
	}

	private Browser phone() {
		Browser browser = Browser.phone(run.port());
		opened.add(browser);
		return browser;
	}

	private static Path file(String name, byte[] content) throws IOException {
		return Files.write(Files.createTempFile(name + "-", ".xlsx"), content);
	}

}
