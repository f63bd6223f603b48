package org.suxiu.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher merges SuXiu's proposal into one incident on the page. */
class IncidentPagesTest extends BrowserTest {

	private String call(String room, String phone) {
		return api.post("agent", "/api/v1/work-orders",
				Map.of("channel", "HOTLINE", "reporter", Map.of("name", "来电业主", "phone", phone), "location",
						Map.of("projectCode", "DEMO", "building", "5", "unit", "1", "room", room), "category",
						"PLUMBING", "description", "家里没水了，水龙头一滴水都没有"))
			.text("number");
	}

	@Test
	void theDispatcherMergesAProposalUnderItsOldestOrder() {
		String first = call("1201", "13912349001");
		String second = call("1302", "13912349002");
		Browser dispatcher = desk().signIn("dispatcher");

		dispatcher.open("/dispatch/incidents");
		String form = "form.proposal:has(input[value='" + second + "'])";
		dispatcher.click(form + " button[type=submit]");
		dispatcher.waitForText("已合并");

		assertThat(api.get("dispatcher", "/api/v1/incidents?projectCode=DEMO").body().get("items").toString())
			.contains(first, second);
		assertThat(api.get("agent", "/api/v1/work-orders/" + second).body().get("status").asString())
			.isEqualTo("CANCELLED");
	}

}
