package org.suxiu.dispatch.planning;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suxiu.dispatch.planning.Plans.DEPOT;
import static org.suxiu.dispatch.planning.Plans.EAST;
import static org.suxiu.dispatch.planning.Plans.NORTH;
import static org.suxiu.dispatch.planning.Plans.hours;
import static org.suxiu.dispatch.planning.Plans.leak;
import static org.suxiu.dispatch.planning.Plans.minutes;
import static org.suxiu.dispatch.planning.Plans.problem;
import static org.suxiu.dispatch.planning.Plans.technician;

/**
 * The solver on small problems whose best plan is known.
 */
class DayPlannerTest {

	private static final DayPlanner PLANNER = new DayPlanner(DayPlanner.Settings.moves(20_000, 500));

	@Test
	void workInHandStaysAtTheHeadOfItsTechniciansRouteAndNewWorkGoesAroundIt() {
		PlanTechnician busy = new PlanTechnician(1, "tech1", Map.of(Category.PLUMBING, 3), NORTH, minutes(30), hours(8),
				5);
		PlanVisit taken = leak("TAKEN", NORTH);
		busy.pin(taken);
		PlanTechnician free = Plans.plumber(2);
		PlanVisit near = leak("NEW1", EAST);
		PlanVisit far = leak("NEW2", NORTH);
		PlanVisit another = leak("NEW3", DEPOT);

		DayPlanSolution plan = PLANNER.solve(problem(List.of(busy, free), List.of(taken, near, far, another))).plan();

		PlanTechnician first = route(plan, 1);
		assertThat(first.getVisits().get(0).getId()).isEqualTo("TAKEN");
		assertThat(first.getVisits().get(0).isPinned()).isTrue();
		assertThat(first.getVisits().get(0).getArrival()).isEqualTo(minutes(30) + minutes(2));
		assertThat(plan.getVisits()).allSatisfy(v -> assertThat(v.getTechnician()).isNotNull());
		assertThat(plan.getScore().isFeasible()).isTrue();
	}

	@Test
	void eachOrderGoesToATechnicianWithTheSkill() {
		PlanTechnician plumber = Plans.plumber(1);
		PlanTechnician liftMan = technician(2, Map.of(Category.ELEVATOR, 5));
		PlanVisit leak = leak("LEAK", EAST);
		PlanVisit lift = Plans.visit("LIFT", Grade.L3, Category.ELEVATOR, EAST);

		DayPlanSolution plan = PLANNER.solve(problem(List.of(plumber, liftMan), List.of(leak, lift))).plan();

		assertThat(visit(plan, "LEAK").getTechnician().getId()).isEqualTo(1L);
		assertThat(visit(plan, "LIFT").getTechnician().getId()).isEqualTo(2L);
	}

	@Test
	void whatCannotBeDoneBeforeTheShiftEndsIsLeftUnplanned() {
		PlanTechnician plumber = new PlanTechnician(1, "tech1", Map.of(Category.PLUMBING, 3), DEPOT, 0, minutes(60), 5);
		PlanVisit first = leak("FIRST", EAST);
		PlanVisit second = leak("SECOND", EAST);

		DayPlanSolution plan = PLANNER.solve(problem(List.of(plumber), List.of(first, second))).plan();

		assertThat(plan.getScore().isFeasible()).isTrue();
		assertThat(plan.getVisits().stream().filter(v -> v.getTechnician() == null)).hasSize(1);
	}

	@Test
	void anUrgentOrderIsServedBeforeGeneralWorkEvenIfTheRouteIsLonger() {
		PlanTechnician plumber = Plans.plumber(1);
		PlanVisit general = new PlanVisit("GENERAL", Grade.L3, Category.PLUMBING, EAST, minutes(45), 0, null, hours(24),
				null);
		PlanVisit urgent = new PlanVisit("URGENT", Grade.L2, Category.PLUMBING, NORTH, minutes(45), 0, null,
				minutes(60), null);

		DayPlanSolution plan = PLANNER.solve(problem(List.of(plumber), List.of(general, urgent))).plan();

		assertThat(route(plan, 1).getVisits()).extracting(PlanVisit::getId).containsExactly("URGENT", "GENERAL");
	}

	@Test
	void theSameProblemGivesTheSamePlanWithAMoveLimit() {
		List<String> first = routes(PLANNER.solve(busyMorning()).plan());
		List<String> second = routes(PLANNER.solve(busyMorning()).plan());

		assertThat(first).isEqualTo(second);
	}

	private static DayPlanSolution busyMorning() {
		List<PlanTechnician> technicians = List.of(Plans.plumber(1), Plans.plumber(2), Plans.plumber(3));
		List<PlanVisit> visits = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			GeoPoint site = new GeoPoint(31.2304 + 0.01 * (i % 4), 121.4737 + 0.01 * (i / 4));
			visits.add(new PlanVisit("V" + i, i % 3 == 0 ? Grade.L2 : Grade.L3, Category.PLUMBING, site, minutes(45), 0,
					null, i % 3 == 0 ? minutes(120) : hours(24), null));
		}
		return problem(technicians, visits);
	}

	private static List<String> routes(DayPlanSolution plan) {
		return plan.getTechnicians().stream().map(t -> t.getId() + ":" + t.getVisits()).toList();
	}

	private static PlanTechnician route(DayPlanSolution plan, long id) {
		return plan.getTechnicians().stream().filter(t -> t.getId() == id).findFirst().orElseThrow();
	}

	private static PlanVisit visit(DayPlanSolution plan, String id) {
		return plan.getVisits().stream().filter(v -> v.getId().equals(id)).findFirst().orElseThrow();
	}

}
