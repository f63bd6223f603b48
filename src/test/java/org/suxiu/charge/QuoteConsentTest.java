package org.suxiu.charge;

import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Quotes and the owner's consent through the API, against the demo price list (LAB-REPAIR
 * ¥50.00 paid, LAB-VISIT free, PIPE-20 ¥12.50 a metre, call-out fee ¥30.00).
 */
class QuoteConsentTest extends ApplicationTest {

	@Autowired
	JdbcClient jdbc;

	OnSite site;

	@BeforeEach
	void onSite() {
		site = new OnSite(api);
	}

	@Test
	void paidQuoteHoldsTheJobUntilTheOwnerApproves() {
		String number = site.leakAtHome();

		Response quote = site.quote(number, "LAB-REPAIR", 1, "PIPE-20", 3, "LAB-VISIT", 1);

		assertThat(quote.status()).as(quote.body().toString()).isEqualTo(201);
		assertThat(quote.text("status")).isEqualTo("PROPOSED");
		assertThat(quote.body().get("totalFen").asLong()).isEqualTo(8750);
		assertThat(quote.body().get("payableFen").asLong()).isEqualTo(8750);
		assertThat(quote.body().get("lines").get(1).get("amountFen").asLong()).isEqualTo(3750);
		assertThat(quote.body().get("lines").get(2).get("paid").asBoolean()).isFalse();
		assertThat(site.status(number)).isEqualTo("ON_HOLD");
	}

	@Test
	void theCompletionClockPausesWhileTheOwnerDecides() {
		String number = site.leakAtHome();

		site.quote(number, "LAB-REPAIR", 1);
		String waiting = completionClock(number);
		site.act(OnSite.OWNER, number, "quote/approve", Map.of());

		assertThat(waiting).isEqualTo("PAUSED");
		assertThat(completionClock(number)).isEqualTo("RUNNING");
	}

	private String completionClock(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("sla")
			.get("complete")
			.get("state")
			.asString();
	}

	@Test
	void workDoesNotGoOnWhileTheQuoteWaits() {
		String number = site.leakAtHome();
		site.quote(number, "LAB-REPAIR", 1);

		Response resume = site.act(OnSite.TECHNICIAN, number, "resume", Map.of());
		Response complete = site.act(OnSite.TECHNICIAN, number, "complete", Map.of("resolution", "修好了"));

		assertThat(resume.status()).isEqualTo(409);
		assertThat(resume.problemType()).isEqualTo("consent-pending");
		assertThat(complete.status()).isEqualTo(409);
		assertThat(site.status(number)).isEqualTo("ON_HOLD");
	}

	@Test
	void theOwnersApprovalRecordsWhoHowAndTheAmountAndResumesWork() {
		String number = site.leakAtHome();
		site.quote(number, "LAB-REPAIR", 1, "PIPE-20", 2);

		Response approved = site.act(OnSite.OWNER, number, "quote/approve", Map.of());

		assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
		JsonNode decision = approved.body().get("decision");
		assertThat(approved.text("status")).isEqualTo("APPROVED");
		assertThat(decision.get("by").asString()).isEqualTo(OnSite.OWNER);
		assertThat(decision.get("how").asString()).isEqualTo("SIGNED_IN");
		assertThat(decision.get("approvedFen").asLong()).isEqualTo(7500);
		assertThat(decision.get("at").isNull()).isFalse();
		assertThat(site.status(number)).isEqualTo("IN_PROGRESS");
		assertThat(historyActions(number)).contains("quote", "await-owner", "quote-approve", "resume");
	}

	@Test
	void approvingTwiceIsRefused() {
		String number = site.leakAtHome();
		site.quote(number, "LAB-REPAIR", 1);
		site.act(OnSite.OWNER, number, "quote/approve", Map.of());

		Response again = site.act(OnSite.OWNER, number, "quote/approve", Map.of());

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).isEqualTo("quote-decided");
	}

	@Test
	void anotherOwnerCannotApproveAndNothingChanges() {
		String number = site.leakAtHome();
		site.quote(number, "LAB-REPAIR", 1);

		Response someoneElse = site.act("13800000002", number, "quote/approve", Map.of());
		Response technician = site.act(OnSite.TECHNICIAN, number, "quote/approve", Map.of());

		assertThat(someoneElse.status()).isEqualTo(404);
		assertThat(someoneElse.isProblem()).isTrue();
		assertThat(technician.status()).isEqualTo(403);
		assertThat(api.get("agent", "/api/v1/work-orders/" + number + "/quote").text("status")).isEqualTo("PROPOSED");
	}

	@Test
	void anAgentApprovesOnARecordedCall() {
		String number = site.leakAtHome();
		site.quote(number, "LAB-REPAIR", 1);

		Response approved = site.act("agent", number, "quote/approve", Map.of());

		assertThat(approved.body().get("decision").get("how").asString()).isEqualTo("CALL");
	}

	@Test
	void aQuoteWithNothingPaidNeedsNoConsent() {
		String number = site.pumpRoom();

		Response quote = site.quote(number, "LAB-REPAIR", 1, "PIPE-20", 4);

		assertThat(quote.text("status")).isEqualTo("APPROVED");
		assertThat(quote.body().get("totalFen").asLong()).isEqualTo(10000);
		assertThat(quote.body().get("payableFen").asLong()).isZero();
		assertThat(quote.body().get("decision").get("how").asString()).isEqualTo("FREE");
		assertThat(site.status(number)).isEqualTo("ARRIVED");
	}

	@Test
	void badQuantitiesAreRefusedAndNoQuoteIsMade() {
		String number = site.leakAtHome();

		Response negative = site.quote(number, "PIPE-20", -1);
		Response zero = site.quote(number, "PIPE-20", 0);
		Response fractional = site.quote(number, "PIPE-20", 1.5);
		Response unknown = site.quote(number, "GOLD-TAP", 1);
		Response none = api.post(OnSite.TECHNICIAN, "/api/v1/work-orders/" + number + "/quote", Map.of());

		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.problemType()).isEqualTo("invalid-input");
		assertThat(zero.status()).isEqualTo(400);
		assertThat(fractional.status()).isEqualTo(400);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(none.status()).isEqualTo(400);
		assertThat(api.get("agent", "/api/v1/work-orders/" + number + "/quote").status()).isEqualTo(404);
		assertThat(site.status(number)).isEqualTo("ARRIVED");
	}

	@Test
	void aChangeAfterApprovalIsANewQuoteAndTheApprovedOneStaysAsItWas() {
		String number = site.leakAtHome();
		long first = site.quote(number, "LAB-REPAIR", 1).body().get("id").asLong();
		site.act(OnSite.OWNER, number, "quote/approve", Map.of());

		Response second = site.quote(number, "LAB-REPAIR", 1, "TAP", 1);

		assertThat(second.body().get("id").asLong()).isNotEqualTo(first);
		assertThat(second.text("status")).isEqualTo("PROPOSED");
		JsonNode all = api.get("agent", "/api/v1/work-orders/" + number + "/quotes").body().get("items");
		assertThat(all.get(0).get("status").asString()).isEqualTo("APPROVED");
		assertThat(all.get(0).get("payableFen").asLong()).isEqualTo(5000);
		assertThat(all.get(0).get("lines")).hasSize(1);
		assertThat(site.status(number)).isEqualTo("ON_HOLD");
	}

	@Test
	void aDecidedQuoteCannotBeAlteredEvenInTheDatabase() {
		String number = site.leakAtHome();
		long id = site.quote(number, "LAB-REPAIR", 1).body().get("id").asLong();
		site.act(OnSite.OWNER, number, "quote/approve", Map.of());

		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> jdbc.sql("UPDATE charge_quote SET payable_fen = 1 WHERE id = ?").param(id).update())
			.hasMessageContaining("immutable");
	}

	@Test
	void aSecondQuoteWhileOneWaitsIsRefused() {
		String number = site.leakAtHome();
		site.quote(number, "LAB-REPAIR", 1);

		Response second = site.quote(number, "TAP", 1);

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.problemType()).isEqualTo("consent-pending");
	}

	@Test
	void aRefusalNeedsAReasonAndLeavesTheCallOutFeeOwed() {
		String number = site.leakAtHome();
		site.quote(number, "TAP", 1);

		Response noReason = site.act(OnSite.OWNER, number, "quote/refuse", Map.of());
		Response refused = site.act(OnSite.OWNER, number, "quote/refuse", Map.of("reason", "太贵了，自己买龙头"));

		assertThat(noReason.status()).isEqualTo(400);
		assertThat(refused.text("status")).isEqualTo("REFUSED");
		assertThat(refused.body().get("decision").get("reason").asString()).isEqualTo("太贵了，自己买龙头");
		assertThat(refused.body().get("decision").get("calloutFen").asLong()).isEqualTo(3000);
		assertThat(site.status(number)).isEqualTo("IN_PROGRESS");
		assertThat(
				api.get("agent", "/api/v1/work-orders/" + number + "/payments").body().get("outstandingFen").asLong())
			.isEqualTo(3000);
	}

	@Test
	void theOwnerIsSentTheQuoteWithAOneTimeLink() {
		String number = site.leakAtHome();

		site.quote(number, "LAB-REPAIR", 1);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					jdbc.sql("SELECT body FROM notification_message WHERE order_number = ? AND kind = 'OWNER_QUOTE'")
						.param(number)
						.query(String.class)
						.list())
				.anySatisfy(body -> assertThat(body).contains("¥50.00", "/consent/")));
	}

	private java.util.List<String> historyActions(String number) {
		JsonNode history = api.get("agent", "/api/v1/work-orders/" + number).body().get("history");
		java.util.List<String> actions = new java.util.ArrayList<>();
		history.forEach(line -> actions.add(line.get("action").asString()));
		return actions;
	}

}
