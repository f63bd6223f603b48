package org.suxiu.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's intake console in a desk browser.
 */
class AgentConsoleTest extends BrowserTest {

	@Test
	void findsTheCallerShowsTheGradeWhileTypingAndReadsTheNumberBack() {
		Browser agent = desk().signIn("agent");

		agent.type("#q", "13800000002");
		agent.click("#q + input + button");
		agent.click(".use-match");
		agent.waitUntil(d -> "2-1-502".equals(agent.find("#room").getAttribute("value")));
		agent.select("#category", "ELEVATOR");
		agent.type("#description", "电梯困人，两人被困");
		agent.find("#preview .grade-L1");
		agent.screenshot("agent-intake");
		agent.click("#submit-order");

		String number = agent.text("#number");
		assertThat(number).startsWith("BX");
		assertThat(api.get("agent", "/api/v1/work-orders/" + number).text("grade")).isEqualTo("L1");
		agent.screenshot("agent-number-read-back");
	}

	@Test
	void warnsOfAnOpenOrderForTheSamePlaceAndKind() {
		String earlier = api
			.post("agent", "/api/v1/work-orders",
					Requests.hotline("DOOR_WINDOW", "入户门锁坏了", Requests.home("3", "2", "1201")))
			.text("number");
		Browser agent = desk().signIn("agent");

		agent.type("#room", "3-2-1201");
		agent.select("#category", "DOOR_WINDOW");
		agent.type("#description", "门锁打不开");

		assertThat(agent.find("#preview a[href='/agent/orders/" + earlier + "']").getText()).isEqualTo(earlier);
		agent.screenshot("agent-duplicate-warning");
	}

	@Test
	void takesAPlannedVisitWithItsAppointment() {
		Browser agent = desk().signIn("agent");

		agent.type("#name", "王先生").type("#phone", "13900001111").type("#room", "4-1-301");
		agent.select("#category", "APPLIANCE");
		agent.type("#description", "空调清洗");
		agent.select("#grade", "L4");
		agent.script(
				"document.getElementById('appointmentFrom').value = arguments[0];"
						+ "document.getElementById('appointmentTo').value = arguments[1];",
				"2099-01-05T09:00", "2099-01-05T11:00");
		agent.click("#submit-order");

		String number = agent.text("#number");
		Map<?, ?> appointment = json
			.convertValue(api.get("agent", "/api/v1/work-orders/" + number).body().get("appointment"), Map.class);
		assertThat(appointment.get("from").toString()).startsWith("2099-01-05T09:00");
	}

	@Test
	void refusesAPlannedVisitWithoutAnAppointment() {
		Browser agent = desk().signIn("agent");

		agent.type("#name", "王先生").type("#phone", "13900001111").type("#room", "4-1-301");
		agent.select("#category", "APPLIANCE");
		agent.type("#description", "空调清洗");
		agent.select("#grade", "L4");
		agent.click("#submit-order");

		assertThat(agent.text("#intake [role=alert]")).contains("appointment");
		assertThat(agent.find("#description").getText()).isEqualTo("空调清洗");
	}

}
