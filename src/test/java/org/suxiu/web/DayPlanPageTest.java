package org.suxiu.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's day plan page on a quiet Monday morning: propose, read each stop's
 * arrival, travel and promise in words beside the work already in hand, apply.
 */
class DayPlanPageTest extends ClockedApplicationTest {

	private final List<Browser> opened = new ArrayList<>();

	@BeforeAll
	static void chromiumInstalled() {
		boolean required = System.getenv("CI") != null || Boolean.getBoolean("suxiu.browser-tests");
		if (required && !Browser.available()) {
			throw new IllegalStateException("Browser tests need /usr/bin/chromium and /usr/bin/chromedriver");
		}
		Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver are not installed");
	}

	@BeforeEach
	void aQuietMondayMorning() {
		CLOCK.set("2026-11-30T09:30:00+08:00");
		for (String status : List.of("NEW", "DISPATCHED")) {
			for (JsonNode order : api
				.get("dispatcher", "/api/v1/work-orders?projectCode=DEMO&size=100&status=" + status)
				.body()
				.get("items")
				.valueStream()
				.toList()) {
				api.post("dispatcher", "/api/v1/work-orders/" + order.get("number").asString() + "/cancel",
						Map.of("reason", "测试清场 test clean-up"));
			}
		}
	}

	@AfterEach
	void closeBrowsers() {
		opened.forEach(Browser::close);
		opened.clear();
	}

	@Test
	void proposesShowsTheStopsInWordsAndApplies() {
		String tap = order("PLUMBING", "厨房水龙头一直滴水", "1", "101");
		String light = order("ELECTRICAL", "客厅灯不亮", "2", "201");
		api.post("dispatcher", "/api/v1/work-orders/" + light + "/dispatch", Map.of("technicianId", "tech04"));
		Browser supervisor = desk().signIn("supervisor").open("/dispatch/day-plan");

		supervisor.click("#propose");

		String planned = "#routes li.planned[data-number='" + tap + "']";
		assertThat(supervisor.text(planned)).containsPattern("(今天)?\\d\\d:\\d\\d到，(今天)?\\d\\d:\\d\\d完")
			.containsPattern("准时，比时限早|晚到");
		assertThat(supervisor.text("#routes")).contains(light);
		assertThat(supervisor.text("#plan-status")).isEqualTo("待应用");
		supervisor.screenshot("supervisor-day-plan-proposed");

		supervisor.click("#apply");

		supervisor.waitForText("已按计划派出 1 张工单");
		assertThat(supervisor.text(planned)).contains("已派出");
		assertThat(supervisor.text("#plan-status")).startsWith("今天").contains("由 supervisor 应用");
		assertThat(supervisor.has("#apply")).isFalse();
		assertThat(api.get("supervisor", "/api/v1/work-orders/" + tap).text("status")).isEqualTo("DISPATCHED");
	}

	@Test
	void anOrderThatChangedSinceThePlanIsSkippedWithTheReasonInWords() {
		String tap = order("PLUMBING", "卫生间下水慢", "4", "401");
		Browser supervisor = desk().signIn("supervisor").open("/dispatch/day-plan");
		supervisor.click("#propose");
		supervisor.find("#routes li.planned[data-number='" + tap + "']");
		api.post("dispatcher", "/api/v1/work-orders/" + tap + "/regrade", Map.of("grade", "L4", "reason", "可预约"));

		supervisor.click("#apply");

		supervisor.waitForText("已按计划派出 0 张工单");
		assertThat(supervisor.text("#routes li.planned[data-number='" + tap + "']")).contains("未派：已改级");
	}

	@Test
	void dispatchersSeeTheDayPlanAgentsDoNot() {
		Browser agent = desk().signIn("agent").open("/dispatch/day-plan");

		assertThat(agent.pageText()).doesNotContain("生成日计划");
	}

	private String order(String category, String description, String building, String room) {
		return api
			.post("agent", "/api/v1/work-orders",
					Requests.with(Requests.hotline(category, description, Requests.home(building, "1", room)), "grade",
							"L3"))
			.text("number");
	}

	private Browser desk() {
		Browser browser = Browser.desk(port);
		opened.add(browser);
		return browser;
	}

}
