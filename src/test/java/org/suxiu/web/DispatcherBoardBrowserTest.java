package org.suxiu.web;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's board follows the roster (在岗 / 值班 / 休息), the proposals say why each
 * skilled technician left out is not proposed, in Chinese and in English, and an
 * unanswered emergency offers 催办 and 改派 without its silent assignee.
 */
class DispatcherBoardBrowserTest extends BrowserTest {

	@Test
	void proposalsSayWhyTheOthersAreNotProposed() {
		String job = api
			.post("agent", "/api/v1/work-orders",
					Requests.with(Requests.hotline("ELEVATOR", "5号楼电梯轿厢照明不亮", Requests.area("5号楼1号电梯")), "grade", "L3"))
			.text("number");
		Browser dispatcher = desk().signIn("dispatcher");

		dispatcher.open("/dispatch");
		dispatcher.click("li[data-number='" + job + "'] .show-proposals");
		String why = dispatcher.text("#why-not");
		String board = dispatcher.text("#board-title + .scroll-x");

		// by day the night on-call technicians rest, by night the day shift does
		assertThat(why).contains("技能不符").contains("休息中");
		assertThat(board).contains("休息").containsPattern("在岗|值班");
		dispatcher.script("document.getElementById('why-not').scrollIntoView()");
		dispatcher.screenshot("dispatch-why-not-1366");
		Browser onPhone = phone().signIn("dispatcher");
		onPhone.open("/dispatch");
		onPhone.click("li[data-number='" + job + "'] .show-proposals");
		onPhone.find("#why-not");
		assertThat(onPhone.scrollsSideways()).isFalse();
		onPhone.script("document.getElementById('why-not').scrollIntoView()");
		onPhone.screenshot("dispatch-why-not-375");

		dispatcher.open("/dispatch?lang=en");
		dispatcher.click("li[data-number='" + job + "'] .show-proposals");
		assertThat(dispatcher.text("#why-not")).contains("not skilled for this").contains("resting");
	}

	@Test
	void anUnansweredEmergencyIsPushedOrSentElsewhereWithoutItsSilentAssignee() {
		String lift = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + lift + "/dispatch", Map.of("technicianId", "tech06"));
		String silent = nameOf("tech06");
		Browser dispatcher = desk().signIn("dispatcher");
		String banner = ".emergency li[data-number='" + lift + "']";

		dispatcher.open("/dispatch");
		assertThat(dispatcher.text(banner)).contains("已派给" + silent).contains("还没接单");
		assertThat(dispatcher.find(banner + " a.button").getText()).startsWith("催办");
		dispatcher.click(banner + " .redispatch");
		String why = dispatcher.text("#why-not");

		assertThat(why).contains(silent + "：已派给他，还没接单，不再推荐");
		assertThat(dispatcher.text("#proposals")).doesNotContain("派给 " + silent);
	}

	private String nameOf(String username) {
		for (JsonNode technician : api.get("dispatcher", "/api/v1/technicians").body()) {
			if (technician.get("username").asString().equals(username)) {
				return technician.get("name").asString();
			}
		}
		throw new IllegalStateException("No technician " + username);
	}

}
