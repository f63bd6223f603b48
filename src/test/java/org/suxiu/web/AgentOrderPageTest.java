package org.suxiu.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's order page does what a caller asks for on the phone: change the grade with
 * a reason, agree a new visit time, cancel, accept on the owner's behalf; a refusal reads
 * plainly and a change someone made meanwhile asks for a reload.
 */
class AgentOrderPageTest extends BrowserTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void regradesWithTheReasonInTheHistory() {
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		Browser agent = desk().signIn("agent").open("/agent/orders/" + tap);

		agent.select("#regrade-grade", "L2");
		agent.type("#regrade-reason", "水已漫到楼下");
		agent.find("#regrade").submit();

		agent.waitForText("已调整 " + tap + " 的等级");
		JsonNode order = api.get("agent", "/api/v1/work-orders/" + tap).body();
		assertThat(order.get("grade").asString()).isEqualTo("L2");
		assertThat(order.get("history").valueStream())
			.anySatisfy(h -> assertThat(h.get("action").asString() + " " + h.get("note").asString())
				.isEqualTo("regrade 水已漫到楼下"));
		assertThat(agent.pageText()).contains("等级调整为 加急 L2");
	}

	@Test
	void aRegradeWithoutAReasonIsRefusedInWords() {
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		Browser agent = desk().signIn("agent").open("/agent/orders/" + tap);

		agent.script("document.getElementById('regrade-reason').removeAttribute('required')");
		agent.select("#regrade-grade", "L2");
		agent.find("#regrade").submit();

		assertThat(agent.text("#flash .alert.error")).isEqualTo("请检查：原因");
		assertThat(api.get("agent", "/api/v1/work-orders/" + tap).text("grade")).isEqualTo("L3");
	}

	@Test
	void aChangeSomeoneMadeMeanwhileAsksForAReload() {
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		Browser agent = desk().signIn("agent").open("/agent/orders/" + tap);
		api.post("dispatcher", "/api/v1/work-orders/" + tap + "/regrade", Map.of("grade", "L4", "reason", "可预约"));

		agent.select("#regrade-grade", "L2");
		agent.type("#regrade-reason", "水已漫到楼下");
		agent.find("#regrade").submit();

		assertThat(agent.text("#flash .alert.error")).isEqualTo("已被他人修改，请刷新");
		assertThat(api.get("agent", "/api/v1/work-orders/" + tap).text("grade")).isEqualTo("L4");
	}

	@Test
	void reschedulesTheVisitInTheProjectsTime() {
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		LocalDate tomorrow = LocalDate.now(SHANGHAI).plusDays(1);
		Browser agent = desk().signIn("agent").open("/agent/orders/" + tap);

		agent.script(
				"document.getElementById('reschedule-from').value = arguments[0];"
						+ "document.getElementById('reschedule-to').value = arguments[1];",
				tomorrow + "T09:00", tomorrow + "T11:00");
		agent.type("#reschedule-reason", "业主明天上午在家");
		agent.find("#reschedule").submit();

		agent.waitForText("已为 " + tap + " 改约");
		assertThat(api.get("agent", "/api/v1/work-orders/" + tap).body().get("appointment").get("from").asString())
			.startsWith(tomorrow + "T09:00")
			.endsWith("+08:00");
		assertThat(agent.text("#reschedule .meta")).isEqualTo("现约：明天09:00 至 明天11:00");
	}

	@Test
	void cancelsWithAReason() {
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		Browser agent = desk().signIn("agent").open("/agent/orders/" + tap);

		agent.click("#cancel-order summary");
		agent.type("#cancel-reason", "业主自己修好了");
		agent.find("#cancel-reason").submit();

		agent.waitForText("已取消 " + tap);
		assertThat(api.get("agent", "/api/v1/work-orders/" + tap).text("status")).isEqualTo("CANCELLED");
		assertThat(agent.has("#cancel-order")).isFalse();
		assertThat(agent.has("#regrade")).isFalse();
	}

	@Test
	void acceptsOnTheOwnersBehalf() {
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + tap + "/dispatch", Map.of("technicianId", "tech02"));
		for (String step : new String[] { "take", "arrive", "start" }) {
			api.post("tech02", "/api/v1/work-orders/" + tap + "/" + step, Map.of());
		}
		api.post("tech02", "/api/v1/work-orders/" + tap + "/complete", Map.of("resolution", "更换阀芯"));
		Browser agent = desk().signIn("agent").open("/agent/orders/" + tap);

		agent.select("#rating", "4");
		agent.find("#accept-for-owner").submit();

		agent.waitForText("已代业主验收 " + tap);
		assertThat(api.get("agent", "/api/v1/work-orders/" + tap).text("status")).isEqualTo("ACCEPTED");
	}

}
