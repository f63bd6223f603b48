package org.suxiu.sla;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines, warnings, breaches and escalation with the shipped defaults on project DEMO,
 * time moved by hand.
 */
class SlaEngineTest extends ClockedApplicationTest {

	@Autowired
	SlaTimers timers;

	@Test
	void anL1GetsFiveMinutesToRespondThirtyToArriveAndFourHoursToComplete() {
		CLOCK.set("2026-11-27T09:00:00+08:00");

		Response order = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline());

		assertThat(deadline(order, "respondBy")).isEqualTo("2026-11-27T09:05+08:00");
		assertThat(deadline(order, "arriveBy")).isEqualTo("2026-11-27T09:30+08:00");
		assertThat(deadline(order, "completeBy")).isEqualTo("2026-11-27T13:00+08:00");
		assertThat(order.body().get("sla").get("respond").get("state").asString()).isEqualTo("RUNNING");
	}

	@Test
	void anL3ReportedFridayAtFiveIsDueOnSiteMondayAtFive() {
		CLOCK.set("2026-11-27T17:00:00+08:00");

		Response order = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline());

		assertThat(order.text("grade")).isEqualTo("L3");
		assertThat(deadline(order, "arriveBy")).isEqualTo("2026-11-30T17:00+08:00");
		assertThat(deadline(order, "respondBy")).isEqualTo("2026-11-30T10:00+08:00");
	}

	@Test
	void aProjectHolidayOnMondayMovesItToTuesday() {
		CLOCK.set("2026-11-27T17:00:00+08:00");
		api.put("manager", "/api/v1/projects/DEMO/calendar/2026-11-30", Map.of("type", "HOLIDAY"));

		try {
			Response order = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline());

			assertThat(deadline(order, "arriveBy")).isEqualTo("2026-12-01T17:00+08:00");
		}
		finally {
			api.delete("manager", "/api/v1/projects/DEMO/calendar/2026-11-30");
		}
	}

	@Test
	void aMakeUpWorkingSaturdayMovesItToSaturday() {
		CLOCK.set("2026-11-27T17:00:00+08:00");
		api.put("manager", "/api/v1/projects/DEMO/calendar/2026-11-28", Map.of("type", "WORKDAY"));

		try {
			Response order = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline());

			assertThat(deadline(order, "arriveBy")).isEqualTo("2026-11-28T17:00+08:00");
		}
		finally {
			api.delete("manager", "/api/v1/projects/DEMO/calendar/2026-11-28");
		}
		Response after = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline());
		assertThat(deadline(after, "arriveBy")).isEqualTo("2026-11-30T17:00+08:00");
	}

	@Test
	void theNationalDayHolidaysDoNotCountTowardsAnL3() {
		CLOCK.set("2026-09-29T10:00:00+08:00");

		Response order = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline());

		assertThat(deadline(order, "completeBy")).isEqualTo("2026-10-09T10:00+08:00");
	}

	@Test
	void warnsAtHalfAndEightyPercentAndBreachesAtTheDeadline() {
		CLOCK.set("2026-11-27T10:00:00+08:00");
		String number = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");

		CLOCK.set("2026-11-27T10:02:31+08:00");
		timers.fireDue();
		List<String> atHalf = notes(number, "sla-warning");
		CLOCK.set("2026-11-27T10:04:01+08:00");
		timers.fireDue();
		List<String> atEighty = notes(number, "sla-warning");
		CLOCK.set("2026-11-27T10:05:00+08:00");
		timers.fireDue();

		assertThat(atHalf).containsExactly("respond 50%");
		assertThat(atEighty).containsExactly("respond 50%", "respond 80%");
		assertThat(history(number, "sla-breach")).singleElement()
			.satisfies(h -> assertThat(h.get("clock").asString()).isEqualTo("respond"));
		Response detail = api.get("agent", "/api/v1/work-orders/" + number);
		assertThat(detail.body().get("sla").get("respond").get("state").asString()).isEqualTo("BREACHED");
	}

	@Test
	void anL1RespondBreachGoesToTheSupervisorAtOnceAndTheManagerTenMinutesLater() {
		CLOCK.set("2026-11-27T11:00:00+08:00");
		String number = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");

		CLOCK.set("2026-11-27T11:05:00+08:00");
		timers.fireDue();
		List<String> first = notes(number, "escalate");
		CLOCK.set("2026-11-27T11:15:00+08:00");
		timers.fireDue();

		assertThat(first).singleElement().asString().contains("SUPERVISOR").contains("supervisor");
		assertThat(notes(number, "escalate")).hasSize(2).last().asString().contains("MANAGER").contains("manager");
	}

	@Test
	void reachingTheMilestoneCancelsItsTimers() {
		CLOCK.set("2026-11-27T12:00:00+08:00");
		String number = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");
		CLOCK.set("2026-11-27T12:00:40+08:00");
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech05"));
		api.post("tech05", "/api/v1/work-orders/" + number + "/take", Map.of());

		CLOCK.set("2026-11-27T12:15:00+08:00");
		timers.fireDue();

		assertThat(history(number, "sla-breach")).isEmpty();
		assertThat(notes(number, "sla-warning")).containsExactly("arrive 50%");
		assertThat(history(number, "auto-dispatch-flag")).isEmpty();
		Response detail = api.get("agent", "/api/v1/work-orders/" + number);
		assertThat(detail.body().get("sla").get("respond").get("state").asString()).isEqualTo("MET");
		assertThat(detail.body().get("sla").get("respond").get("minutesEarly").asLong()).isEqualTo(4);
		assertThat(detail.body().get("sla").get("arrive").get("state").asString()).isEqualTo("RUNNING");
	}

	@Test
	void anL1StillNewAfterSixtySecondsIsFlaggedForAutomaticDispatch() {
		CLOCK.set("2026-11-27T13:00:00+08:00");
		String number = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");

		CLOCK.set("2026-11-27T13:01:00+08:00");
		timers.fireDue();

		assertThat(history(number, "auto-dispatch-flag")).hasSize(1);
	}

	@Test
	void regradingFromL3ToL1AppliesTheL1LimitsFromTheReport() {
		CLOCK.set("2026-11-27T14:00:00+08:00");
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		CLOCK.set("2026-11-27T14:10:00+08:00");

		Response regraded = api.post("agent", "/api/v1/work-orders/" + number + "/regrade",
				Map.of("grade", "L1", "reason", "水管爆了"));
		timers.fireDue();

		assertThat(deadline(regraded, "respondBy")).isEqualTo("2026-11-27T14:05+08:00");
		assertThat(deadline(regraded, "arriveBy")).isEqualTo("2026-11-27T14:30+08:00");
		assertThat(history(number, "sla-breach")).singleElement()
			.satisfies(h -> assertThat(h.get("clock").asString()).isEqualTo("respond"));
	}

	@Test
	void waitingForTheOwnerPausesTheCompletionClockButWaitingForPartsDoesNot() {
		CLOCK.set("2026-11-27T15:00:00+08:00");
		String owner = inProgressL1();
		String parts = inProgressL1();
		String before = deadline(api.get("agent", "/api/v1/work-orders/" + owner), "completeBy");

		api.post("tech06", "/api/v1/work-orders/" + owner + "/hold", Map.of("reason", "WAITING_OWNER 业主不在家"));
		api.post("tech06", "/api/v1/work-orders/" + parts + "/hold", Map.of("reason", "WAITING_PARTS 等配件"));
		CLOCK.advance(Duration.ofMinutes(90));
		Response resumed = api.post("tech06", "/api/v1/work-orders/" + owner + "/resume", Map.of());
		Response partsResumed = api.post("tech06", "/api/v1/work-orders/" + parts + "/resume", Map.of());

		assertThat(before).isEqualTo("2026-11-27T19:00+08:00");
		assertThat(deadline(resumed, "completeBy")).isEqualTo("2026-11-27T20:30+08:00");
		assertThat(deadline(partsResumed, "completeBy")).isEqualTo("2026-11-27T19:00+08:00");
	}

	@Test
	void anL4IsDueOnSiteByTheEndOfItsAppointmentWindow() {
		CLOCK.set("2026-11-27T09:00:00+08:00");
		Map<String, Object> request = Requests.with(
				Requests.hotline("APPLIANCE", "空调清洗", Requests.home("2", "1", "502")), "appointment",
				Map.of("from", "2026-11-30T09:00:00+08:00", "to", "2026-11-30T12:00:00+08:00"));

		Response order = api.post("agent", "/api/v1/work-orders", request);

		assertThat(order.text("grade")).isEqualTo("L4");
		assertThat(order.body().get("deadlines").get("respondBy").isNull()).isTrue();
		assertThat(deadline(order, "arriveBy")).isEqualTo("2026-11-30T12:00+08:00");
		assertThat(deadline(order, "completeBy")).isEqualTo("2026-12-01T12:00+08:00");
	}

	@Test
	void reschedulingAnL4MovesItsPromisedArrivalToTheNewWindow() {
		CLOCK.set("2026-11-27T09:00:00+08:00");
		String number = api
			.post("agent", "/api/v1/work-orders",
					Requests.with(Requests.hotline("APPLIANCE", "油烟机清洗", Requests.home("1", "1", "101")), "appointment",
							Map.of("from", "2026-11-30T09:00:00+08:00", "to", "2026-11-30T12:00:00+08:00")))
			.text("number");

		Response moved = api.post("agent", "/api/v1/work-orders/" + number + "/reschedule", Map.of("appointment",
				Map.of("from", "2026-12-02T14:00:00+08:00", "to", "2026-12-02T17:00:00+08:00"), "reason", "业主周一不在家"));

		assertThat(moved.status()).isEqualTo(200);
		assertThat(deadline(moved, "arriveBy")).isEqualTo("2026-12-02T17:00+08:00");
		assertThat(history(number, "reschedule")).singleElement()
			.satisfies(h -> assertThat(h.get("note").asString()).isEqualTo("业主周一不在家"));
	}

	@Test
	void reschedulingAnL1KeepsItsPromises() {
		CLOCK.set("2026-11-27T16:00:00+08:00");
		String number = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");

		Response moved = api.post("agent", "/api/v1/work-orders/" + number + "/reschedule", Map.of("appointment",
				Map.of("from", "2026-11-27T17:00:00+08:00", "to", "2026-11-27T18:00:00+08:00"), "reason", "师傅堵车"));

		assertThat(deadline(moved, "arriveBy")).isEqualTo("2026-11-27T16:30+08:00");
	}

	@Test
	void ownersDoNotRescheduleAndNobodyReschedulesAfterArrival() {
		CLOCK.set("2026-11-27T15:00:00+08:00");
		String number = inProgressL1();
		Map<String, Object> body = Map.of("appointment",
				Map.of("from", "2026-11-28T09:00:00+08:00", "to", "2026-11-28T10:00:00+08:00"), "reason", "改时间");

		assertThat(api.post("agent", "/api/v1/work-orders/" + number + "/reschedule", body).status()).isEqualTo(409);
		assertThat(api.post("13800000001", "/api/v1/work-orders/" + number + "/reschedule", body).status())
			.isEqualTo(403);
	}

	private String inProgressL1() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech06"));
		for (String action : List.of("take", "arrive", "start")) {
			api.post("tech06", "/api/v1/work-orders/" + number + "/" + action, Map.of());
		}
		return number;
	}

	private String deadline(Response order, String name) {
		JsonNode value = order.body().get("deadlines").get(name);
		return OffsetDateTime.parse(value.asString()).toString();
	}

	private List<JsonNode> history(String number, String action) {
		return api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.filter(h -> h.get("action").asString().equals(action))
			.toList();
	}

	private List<String> notes(String number, String action) {
		return history(number, action).stream().map(h -> {
			String note = h.get("note").asString();
			int cut = note.indexOf(" · ");
			return action.equals("sla-warning") && cut > 0 ? note.substring(0, cut) : note;
		}).toList();
	}

}
