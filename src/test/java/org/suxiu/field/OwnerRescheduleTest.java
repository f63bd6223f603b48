package org.suxiu.field;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner moves their own planned (L4) visit within the rules: two hours' notice, 30
 * days ahead at most, a window of at most four hours; other grades and other owners are
 * refused with nothing changed.
 */
class OwnerRescheduleTest extends ClockedApplicationTest {

	private static final String OWNER = "13800000001";

	@Test
	void theOwnerMovesAPlannedVisitWithinTheRules() {
		CLOCK.set("2026-12-30T09:00:00+08:00");
		String number = planned();

		Response moved = move(OWNER, number, "2026-12-31T14:00:00+08:00", "2026-12-31T16:00:00+08:00");
		Response tooSoon = move(OWNER, number, "2026-12-30T10:00:00+08:00", "2026-12-30T11:00:00+08:00");
		Response tooLong = move(OWNER, number, "2027-01-02T08:00:00+08:00", "2027-01-02T17:00:00+08:00");
		Response tooFar = move(OWNER, number, "2027-03-02T08:00:00+08:00", "2027-03-02T10:00:00+08:00");
		Response otherOwner = move("13800000002", number, "2026-12-31T14:00:00+08:00", "2026-12-31T16:00:00+08:00");

		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.body().get("deadlines").get("arriveBy").asString()).startsWith("2026-12-31T16:00");
		for (Response refused : new Response[] { tooSoon, tooLong, tooFar }) {
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.problemType()).endsWith("owner-reschedule-window");
		}
		assertThat(otherOwner.status()).isEqualTo(404);
		assertThat(api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.filter(h -> h.get("action").asString().equals("reschedule"))
			.count()).isEqualTo(1);
	}

	@Test
	void onlyPlannedWorkIsMovedByTheOwner() {
		CLOCK.set("2026-12-30T09:30:00+08:00");
		Map<String, Object> urgent = Requests.hotline("PLUMBING", "厨房水管漏水 " + UUID.randomUUID(),
				Requests.home("1", "1", "101"));
		urgent.put("reporter", Map.of("name", "业主", "phone", OWNER));
		String number = api.post("agent", "/api/v1/work-orders", urgent).text("number");

		Response refused = move(OWNER, number, "2026-12-31T14:00:00+08:00", "2026-12-31T16:00:00+08:00");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
	}

	private String planned() {
		Map<String, Object> body = Requests.hotline("DOOR_WINDOW", "想预约师傅上门调整衣柜门铰链 " + UUID.randomUUID(),
				Requests.home("1", "1", "101"));
		body.put("reporter", Map.of("name", "业主", "phone", OWNER));
		body.put("grade", "L4");
		body.put("appointment", Map.of("from", "2026-12-31T09:00:00+08:00", "to", "2026-12-31T11:00:00+08:00"));
		return api.post("agent", "/api/v1/work-orders", body).text("number");
	}

	private Response move(String owner, String number, String from, String to) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("appointment", Map.of("from", from, "to", to));
		body.put("reason", "临时有事");
		return api.post(owner, "/api/v1/work-orders/" + number + "/reschedule", body);
	}

}
