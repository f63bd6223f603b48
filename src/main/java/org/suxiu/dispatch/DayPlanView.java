package org.suxiu.dispatch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.suxiu.dispatch.dayplan.DayPlanStore.Plan;
import org.suxiu.dispatch.dayplan.DayPlanStore.Visit;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * A day plan as the dispatcher reads it: each technician's route, then what could not be
 * planned and why.
 *
 * @param id plan id
 * @param projectCode project
 * @param status PROPOSED, APPLYING or APPLIED
 * @param createdAt when it was planned
 * @param createdBy who asked (a username, or {@code system} for the periodic re-plan)
 * @param score the solver's score (hard/soft), or null if there was nothing to plan
 * @param feasible whether every hard rule holds
 * @param solveMillis how long the solver took
 * @param appliedAt when it was applied
 * @param appliedBy who applied it
 * @param routes per technician, their visits in order; pinned ones are already in hand
 * @param unplanned NEW orders left out, with the reason
 */
public record DayPlanView(long id, String projectCode, String status, OffsetDateTime createdAt, String createdBy,
		String score, boolean feasible, long solveMillis, OffsetDateTime appliedAt, String appliedBy,
		List<Route> routes, List<Unplanned> unplanned) {

	/**
	 * @param technicianId staff id
	 * @param name display name
	 * @param stops visits in order
	 */
	public record Route(long technicianId, String name, List<Stop> stops) {
	}

	/**
	 * @param number order number
	 * @param grade grade
	 * @param category repair type
	 * @param pinned already in the technician's hands (taken or dispatched): not moved
	 * @param plannedArrival when the technician gets there
	 * @param plannedStart when work starts (an appointment may be later than arrival)
	 * @param plannedFinish when work is expected to be done
	 * @param arriveBy the promised arrival
	 * @param outcome after apply: DISPATCHED or SKIPPED
	 * @param outcomeNote why it was skipped
	 */
	public record Stop(String number, Grade grade, Category category, boolean pinned, OffsetDateTime plannedArrival,
			OffsetDateTime plannedStart, OffsetDateTime plannedFinish, OffsetDateTime arriveBy, String outcome,
			String outcomeNote) {
	}

	/**
	 * @param number order number
	 * @param grade grade
	 * @param category repair type
	 * @param arriveBy the promised arrival
	 * @param reason why it is not in today's plan
	 */
	public record Unplanned(String number, Grade grade, Category category, OffsetDateTime arriveBy, String reason) {
	}

	static DayPlanView of(Plan plan, String projectCode, ZoneId zone) {
		Map<Long, Route> routes = new LinkedHashMap<>();
		List<Unplanned> unplanned = new ArrayList<>();
		for (Visit v : plan.visits()) {
			if (v.technicianId() == null) {
				unplanned.add(new Unplanned(v.number(), v.grade(), v.category(), at(v.arriveBy(), zone), v.reason()));
				continue;
			}
			routes.computeIfAbsent(v.technicianId(), id -> new Route(id, v.technicianName(), new ArrayList<>()))
				.stops()
				.add(new Stop(v.number(), v.grade(), v.category(), v.pinned(), at(v.plannedArrival(), zone),
						at(v.plannedStart(), zone), at(v.plannedFinish(), zone), at(v.arriveBy(), zone), v.outcome(),
						v.outcomeNote()));
		}
		return new DayPlanView(plan.id(), projectCode, plan.status(), at(plan.createdAt(), zone), plan.createdBy(),
				plan.score(), plan.feasible(), plan.solveMillis(), at(plan.appliedAt(), zone), plan.appliedBy(),
				List.copyOf(routes.values()), unplanned);
	}

	private static OffsetDateTime at(Instant instant, ZoneId zone) {
		return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
	}

}
