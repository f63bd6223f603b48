package org.suxiu.web;

import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12 end to end in browsers: the technician quotes on site, the owner approves on
 * the phone, the technician completes with the materials issued (stock down), the front
 * desk records a WeChat payment and prints the receipt, the owner accepts; the order is
 * urgent and charged, so its follow-up call is due, and the owner is unsatisfied: a
 * complaint opens, the supervisor answers and resolves it, and the owner confirms and
 * closes it on the phone; a new leak at the same home within 30 days is flagged as
 * probable rework and the agent confirms it.
 */
class ClosureJourneyTest extends BrowserTest {

	private static final String OWNER = "13800000001";

	@Test
	void chargedRepairFollowUpComplaintAndRework() {
		String number = arrived();
		int pipes = onHand("PIPE-20");
		Browser tech = phone().signIn("tech01");
		Browser owner = phone().signIn(OWNER);

		tech.open("/tech/jobs/" + number);
		tech.select("#quote-item-1", "LAB-REPAIR");
		tech.select("#quote-item-2", "PIPE-20");
		tech.type("#quote-qty-2", "2");
		tech.click("#send-quote");
		tech.waitForText("待业主确认");
		owner.open("/owner/orders/" + number);
		owner.waitForText("师傅报价，请确认");
		owner.click("#approve-quote");
		owner.waitForText("已同意报价");
		tech.open("/tech/jobs/" + number);
		tech.select("#stock-item", "PIPE-20");
		tech.type("#stock-qty", "2");
		tech.click("#issue");
		tech.waitForText("20mm PPR 水管 ×2 米");
		assertThat(onHand("PIPE-20")).isEqualTo(pipes - 2);
		tech.type("#resolution", "更换漏水的水管两米");
		tech.find("#complete").submit();
		tech.waitForText("已完工");

		Browser desk = desk().signIn("agent");
		desk.open("/desk");
		String row = "#unpaid [data-number='" + number + "']";
		desk.select(row + " .method", "WECHAT");
		desk.type(row + " .reference", "4200005678");
		desk.click(row + " button");
		desk.waitForText("维修收费收据");
		assertThat(desk.text("#receipt")).contains("微信支付", number);
		assertThat(desk.text("#receipt-outstanding")).isEqualTo("¥0.00");

		owner.open("/owner/orders/" + number);
		owner.click("label[for='star5']");
		owner.find("#accept").submit();
		owner.waitForText("已验收");

		Browser agent = desk().signIn("agent");
		String call = "#calls [data-number='" + number + "']";
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> agent.open("/agent").has(call));
		assertThat(agent.text(call)).contains("必须回访", "张伟");
		agent.screenshot("closure-1-follow-up-call");
		agent.click(call + " input[name=satisfied][value=false]");
		agent.type(call + " input[name=reason]", "换过的水管接口又渗水");
		agent.click(call + " .follow-up");
		agent.waitUntil(d -> !agent.has(call));
		assertThat(api.get("agent", "/api/v1/work-orders/" + number).text("status")).isEqualTo("CLOSED");

		long id = await().atMost(Duration.ofSeconds(15)).until(() -> {
			JsonNode items = api.get("supervisor", "/api/v1/complaints?number=" + number).body().get("items");
			return items.isEmpty() ? null : items.get(0).get("id").asLong();
		}, java.util.Objects::nonNull);
		Browser supervisor = desk().signIn("supervisor");
		supervisor.open("/complaints");
		assertThat(supervisor.text("[data-complaint='" + id + "']")).contains("回访不满意", "换过的水管接口又渗水");
		supervisor.screenshot("closure-2-complaints");
		supervisor.click("[data-complaint='" + id + "'] a");
		supervisor.type("#respond-note", "明天上午安排师傅复查接口");
		supervisor.find("#respond").submit();
		supervisor.waitForText("已回复");
		supervisor.type("#resolve-note", "重新做了接口密封，已不渗水");
		supervisor.find("#resolve").submit();
		supervisor.waitForText("待业主确认");
		supervisor.screenshot("closure-3-complaint-resolved");

		owner.open("/owner/orders/" + number);
		assertThat(owner.text("#complaints")).contains("重新做了接口密封");
		owner.screenshot("closure-4-owner-confirms");
		assertThat(owner.scrollsSideways()).isFalse();
		owner.click(".confirm-complaint");
		owner.waitForText("谢谢您的反馈");
		JsonNode complaint = api.get("supervisor", "/api/v1/complaints/" + id).body();
		assertThat(complaint.get("status").asString()).isEqualTo("CLOSED");
		assertThat(complaint.get("closedHow").asString()).isEqualTo("OWNER_CONFIRMED");
		assertThat(actions(number)).contains("follow-up", "complaint-open", "complaint-respond", "complaint-resolve",
				"complaint-close");

		String repeat = api.post(OWNER, "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> api.get("agent", "/api/v1/work-orders/" + repeat).body().get("probableRework").asBoolean());
		assertThat(api.get("agent", "/api/v1/work-orders/" + repeat).text("reworkOf")).isEqualTo(number);
		agent.open("/agent/orders/" + repeat);
		assertThat(agent.text("#probable-rework")).contains(number);
		agent.screenshot("closure-5-probable-rework");
		agent.click("#confirm-rework");
		agent.waitForText("已确认为返修");
		assertThat(api.get("agent", "/api/v1/work-orders/" + repeat).text("reworkCheck")).isEqualTo("CONFIRMED");
	}

	private java.util.List<String> actions(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.map(line -> line.get("action").asString())
			.toList();
	}

	private String arrived() {
		String number = api.post(OWNER, "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech01"));
		api.post("tech01", "/api/v1/work-orders/" + number + "/take", Map.of());
		assertThat(api.post("tech01", "/api/v1/work-orders/" + number + "/arrive", Map.of()).status()).isEqualTo(200);
		return number;
	}

	private int onHand(String item) {
		for (JsonNode level : api.get("agent", "/api/v1/projects/DEMO/stock").body().get("items")) {
			if (level.get("itemCode").asString().equals(item)) {
				return level.get("onHand").asInt();
			}
		}
		throw new AssertionError(item);
	}

}
