package org.suxiu.web;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Charges in browsers: the technician quotes on site from the phone, the owner approves
 * on theirs (work was held until then), the technician takes the pipe from the store
 * (stock down) and completes, the front desk records a WeChat payment and prints the
 * receipt, the owner sees it; and an owner answers a quote by the one-time SMS link,
 * which works once.
 */
class ChargeJourneyTest extends BrowserTest {

	private static final String OWNER = "13800000001";

	@Autowired
	JdbcClient jdbc;

	@Test
	void quoteConsentMaterialsPaymentAndReceipt() {
		String number = arrived();
		int pipes = onHand("PIPE-20");
		Browser tech = phone().signIn("tech01");
		Browser owner = phone().signIn(OWNER);

		tech.open("/tech/jobs/" + number);
		tech.select("#quote-item-1", "LAB-REPAIR");
		tech.select("#quote-item-2", "PIPE-20");
		tech.type("#quote-qty-2", "3");
		tech.select("#quote-item-3", "LAB-VISIT");
		tech.screenshot("charge-1-technician-quotes");
		assertThat(tech.scrollsSideways()).isFalse();
		tech.click("#send-quote");
		tech.waitForText("待业主确认");
		assertThat(tech.text("#charges")).contains("合计 ¥87.50，业主需付 ¥87.50", "免费（¥0.00）");
		assertThat(tech.has("#resume")).as("no resuming while the owner decides").isFalse();

		owner.open("/owner/orders/" + number);
		owner.waitForText("师傅报价，请确认");
		assertThat(owner.text("#owner-quote")).contains("20mm PPR 水管", "3 米 × ¥12.50", "¥37.50");
		owner.screenshot("charge-2-owner-quote");
		assertThat(owner.scrollsSideways()).isFalse();
		owner.click("#approve-quote");
		owner.waitForText("已同意报价");
		assertThat(owner.text("#quote-decision")).contains("业主已同意", "登录确认");

		tech.open("/tech/jobs/" + number);
		tech.select("#stock-item", "PIPE-20");
		tech.type("#stock-qty", "3");
		tech.click("#issue");
		tech.waitForText("20mm PPR 水管 ×3 米");
		assertThat(onHand("PIPE-20")).isEqualTo(pipes - 3);
		tech.type("#resolution", "更换漏水的水管三米");
		tech.find("#complete").submit();
		tech.waitForText("已完工");

		Browser desk = desk().signIn("agent");
		desk.open("/desk");
		String row = "#unpaid [data-number='" + number + "']";
		assertThat(desk.text(row)).contains("¥87.50");
		desk.screenshot("charge-3-front-desk-unpaid");
		desk.select(row + " .method", "WECHAT");
		desk.type(row + " .reference", "4200001234");
		desk.click(row + " button");
		desk.waitForText("维修收费收据");
		assertThat(desk.text("#receipt-amount")).isEqualTo("¥87.50");
		assertThat(desk.text("#receipt")).contains("微信支付", number, "4200001234");
		assertThat(desk.text("#receipt-outstanding")).isEqualTo("¥0.00");
		desk.screenshot("charge-4-receipt");

		owner.open("/owner/orders/" + number);
		owner.click(".receipts a");
		owner.waitForText("维修收费收据");
		assertThat(owner.text("#receipt-amount")).isEqualTo("¥87.50");
		JsonNode paid = api.get("agent", "/api/v1/work-orders/" + number + "/payments").body();
		assertThat(paid.get("outstandingFen").asLong()).isZero();
		assertThat(paid.get("paidFen").asLong()).isEqualTo(8750);
	}

	@Test
	void theOwnerAnswersByTheOneTimeLinkOnce() {
		String number = arrived();
		api.post("tech01", "/api/v1/work-orders/" + number + "/quote",
				Map.of("lines", java.util.List.of(Map.of("itemCode", "TAP", "quantity", 1))));
		String link = consentLink(number);

		Browser stranger = phone();
		stranger.open(link);
		assertThat(stranger.text("main")).contains("厨房单把龙头", "¥128.00", number);
		stranger.screenshot("charge-5-consent-link");
		stranger.click("#approve-quote");
		stranger.waitForText("您已同意报价");
		stranger.open(link);

		assertThat(stranger.pageText()).doesNotContain("厨房单把龙头");
		JsonNode quote = api.get("agent", "/api/v1/work-orders/" + number + "/quote").body();
		assertThat(quote.get("status").asString()).isEqualTo("APPROVED");
		assertThat(quote.get("decision").get("how").asString()).isEqualTo("CODE");
		assertThat(api.get("agent", "/api/v1/work-orders/" + number).text("status")).isEqualTo("IN_PROGRESS");
	}

	@Test
	void anAgentRecordsTheOwnersYesOnARecordedCall() {
		String number = arrived();
		api.post("tech01", "/api/v1/work-orders/" + number + "/quote",
				Map.of("lines", java.util.List.of(Map.of("itemCode", "VALVE-15", "quantity", 2))));
		Browser agent = desk().signIn("agent");

		agent.open("/agent/orders/" + number);
		assertThat(agent.text("#agent-quote")).contains("15mm 角阀", "¥70.00", "待业主确认");
		agent.click("#approve-on-call");
		agent.waitForText("客服电话确认");

		assertThat(api.get("agent", "/api/v1/work-orders/" + number + "/quote")
			.body()
			.get("decision")
			.get("how")
			.asString()).isEqualTo("CALL");
	}

	private String consentLink(String number) {
		Pattern code = Pattern.compile("/consent/([A-Za-z0-9_-]+)");
		return await().atMost(Duration.ofSeconds(10)).until(() -> {
			for (String body : jdbc
				.sql("SELECT body FROM notification_message WHERE order_number = ? AND kind = 'OWNER_QUOTE'")
				.param(number)
				.query(String.class)
				.list()) {
				Matcher m = code.matcher(body);
				if (m.find()) {
					return "/consent/" + m.group(1);
				}
			}
			return null;
		}, java.util.Objects::nonNull);
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
