package org.suxiu.aftercare;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up calls (回访) over the API: who gets one and by when, the agent's list, the
 * outcomes, and the orders nobody calls closing by themselves once.
 */
class FollowUpApiTest extends ClockedApplicationTest {

	@Autowired
	FollowUpCloser closer;

	Accepted accepted;

	@BeforeEach
	void orders() {
		accepted = new Accepted(api);
	}

	@AfterEach
	void defaultRules() {
		api.put("manager", "/api/v1/projects/DEMO/aftercare-rules",
				Map.of("samplePercent", 20, "maxTries", 3, "dueDays", 3, "closeAfterHours", 24, "autoAcceptDays", 3));
	}

	@Test
	void anUrgentOrderGetsACallDueThreeDaysAfterAcceptance() {
		String number = accepted.order("L2", 5);

		JsonNode call = accepted.followUp("agent", number).body();

		assertThat(call.get("reason").asString()).isEqualTo("GRADE");
		assertThat(call.get("status").asString()).isEqualTo("DUE");
		assertThat(call.get("reporterPhone").asString()).isEqualTo("13800000001");
		assertThat(Duration.between(OffsetDateTime.parse(call.get("acceptedAt").asString()),
				OffsetDateTime.parse(call.get("dueAt").asString())))
			.isEqualTo(Duration.ofDays(3));
	}

	@Test
	void aLowRatingGetsACall() {
		String number = accepted.order("L3", 2);

		assertThat(accepted.followUp("agent", number).text("reason")).isEqualTo("LOW_RATING");
	}

	@Test
	void theAgentsListIsSortedByDueTimeAndPaged() {
		String first = accepted.order("L2", 5);
		CLOCK.advance(Duration.ofMinutes(5));
		String second = accepted.order("L1", 5);

		List<String> listed = numbers(api.get("agent", "/api/v1/follow-ups?projectCode=DEMO&size=100"));
		Response onePerPage = api.get("agent", "/api/v1/follow-ups?projectCode=DEMO&size=1&page=1");

		assertThat(listed).containsSubsequence(first, second);
		assertThat(onePerPage.body().get("items")).hasSize(1);
		assertThat(onePerPage.body().get("total").asLong()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theListIsTheOfficesAndEachTenantSeesItsOwn() {
		String number = accepted.order("L2", 5);

		assertThat(api.get("tech02", "/api/v1/follow-ups").status()).isEqualTo(403);
		assertThat(api.get("13800000001", "/api/v1/follow-ups").status()).isEqualTo(403);
		assertThat(numbers(api.get("north-agent", "/api/v1/follow-ups?size=100"))).doesNotContain(number);
		assertThat(api.get("north-agent", "/api/v1/follow-ups?projectCode=DEMO").status()).isEqualTo(404);
		assertThat(accepted.followUp("north-agent", number).status()).isEqualTo(404);
		assertThat(accepted.followUp("supervisor", number).text("reporterPhone")).isEqualTo("138****0001");
	}

	@Test
	void aSatisfiedOwnerClosesTheOrder() {
		String number = accepted.order("L2", 5);

		Response call = accepted.call("agent", number, Map.of("outcome", "SATISFIED", "note", "业主说修得很好"));

		assertThat(call.status()).as(call.body().toString()).isEqualTo(200);
		assertThat(call.text("status")).isEqualTo("DONE");
		assertThat(accepted.status(number)).isEqualTo("CLOSED");
		assertThat(accepted.actions(number)).containsOnlyOnce("follow-up");
	}

	@Test
	void anOwnerNotReachedThreeTimesClosesTheOrderAsNotReached() {
		String number = accepted.order("L2", 5);

		Response once = accepted.call("agent", number, Map.of("outcome", "NOT_REACHED"));
		accepted.call("agent", number, Map.of("outcome", "NOT_REACHED"));
		String afterTwo = accepted.status(number);
		Response third = accepted.call("agent", number, Map.of("outcome", "NOT_REACHED"));

		assertThat(once.body().get("attempts").asInt()).isEqualTo(1);
		assertThat(once.text("status")).isEqualTo("DUE");
		assertThat(afterTwo).isEqualTo("ACCEPTED");
		assertThat(third.text("status")).isEqualTo("DONE");
		assertThat(third.text("outcome")).isEqualTo("NOT_REACHED");
		assertThat(accepted.status(number)).isEqualTo("CLOSED");
		assertThat(accepted.actions(number).stream().filter("follow-up-try"::equals)).hasSize(3);
		assertThat(accepted.actions(number)).contains("close");
	}

	@Test
	void anOrderNotChosenClosesByItselfADayAfterAcceptanceOnce() {
		api.put("manager", "/api/v1/projects/DEMO/aftercare-rules", Map.of("samplePercent", 0));
		String number = accepted.order("L3", 5);
		assertThat(accepted.followUp("agent", number).text("status")).isEqualTo("NO_CALL");

		CLOCK.advance(Duration.ofHours(23));
		closer.closeDue();
		String before = accepted.status(number);
		CLOCK.advance(Duration.ofHours(2));
		closer.closeDue();
		closer.closeDue();

		assertThat(before).isEqualTo("ACCEPTED");
		assertThat(accepted.status(number)).isEqualTo("CLOSED");
		assertThat(accepted.actions(number).stream().filter("close"::equals)).hasSize(1);
		assertThat(accepted.followUp("agent", number).text("status")).isEqualTo("CLOSED_WITHOUT_CALL");
	}

	@Test
	void theFollowUpActionOfTheOrderApiStillClosesAndIsRecorded() {
		String number = accepted.order("L2", 5);

		accepted.act("agent", number, "follow-up", Map.of("satisfied", true, "note", "满意"));

		assertThat(accepted.status(number)).isEqualTo("CLOSED");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> "SATISFIED".equals(accepted.followUp("agent", number).text("outcome")));
	}

	@Test
	void badCallsAreRefusedAndChangeNothing() {
		String number = accepted.order("L2", 5);
		int version = accepted.followUp("agent", number).body().get("version").asInt();

		assertThat(accepted.call("agent", number, Map.of()).status()).isEqualTo(400);
		assertThat(accepted.call("agent", number, Map.of("outcome", "MAYBE")).status()).isEqualTo(400);
		assertThat(accepted.call("agent", number, Map.of("outcome", "UNSATISFIED")).status()).isEqualTo(400);
		assertThat(accepted.call("supervisor", number, Map.of("outcome", "SATISFIED")).status()).isEqualTo(403);
		assertThat(accepted.call("north-agent", number, Map.of("outcome", "SATISFIED")).status()).isEqualTo(404);
		assertThat(accepted.call("agent", number, Map.of("outcome", "SATISFIED", "version", version + 1)).status())
			.isEqualTo(409);
		assertThat(api.get("agent", "/api/v1/follow-ups?due=tomorrow").status()).isEqualTo(400);
		assertThat(api.get("agent", "/api/v1/follow-ups?size=1000").status()).isEqualTo(400);

		assertThat(accepted.status(number)).isEqualTo("ACCEPTED");
		assertThat(accepted.followUp("agent", number).body().get("version").asInt()).isEqualTo(version);
	}

	@Test
	void aSecondOutcomeAfterTheFirstIsAConflict() {
		String number = accepted.order("L2", 5);
		accepted.call("agent", number, Map.of("outcome", "SATISFIED"));

		Response again = accepted.call("agent", number, Map.of("outcome", "UNSATISFIED", "reason", "漏水又来了"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(accepted.followUp("agent", number).text("outcome")).isEqualTo("SATISFIED");
	}

	@Test
	void rulesAreChangedByManagersAndBadValuesAreNamed() {
		Response bad = api.put("manager", "/api/v1/projects/DEMO/aftercare-rules",
				Map.of("samplePercent", 150, "dueDays", 0));
		Response byAgent = api.put("agent", "/api/v1/projects/DEMO/aftercare-rules", Map.of("samplePercent", 50));
		int version = api.get("agent", "/api/v1/projects/DEMO/aftercare-rules").body().get("version").asInt();
		Response stale = api.put("manager", "/api/v1/projects/DEMO/aftercare-rules",
				Map.of("samplePercent", 50, "version", version + 7));

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").valueStream().map(e -> e.get("field").asString())).contains("samplePercent",
				"dueDays");
		assertThat(byAgent.status()).isEqualTo(403);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(api.get("agent", "/api/v1/projects/DEMO/aftercare-rules").body().get("samplePercent").asInt())
			.isEqualTo(20);
	}

	private static List<String> numbers(Response page) {
		assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
		return page.body().get("items").valueStream().map(item -> item.get("number").asString()).toList();
	}

}
