package org.suxiu.dispatch.planning;

import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.junit.jupiter.api.Test;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suxiu.dispatch.planning.Plans.DEPOT;
import static org.suxiu.dispatch.planning.Plans.EAST;
import static org.suxiu.dispatch.planning.Plans.NORTH;
import static org.suxiu.dispatch.planning.Plans.hours;
import static org.suxiu.dispatch.planning.Plans.leak;
import static org.suxiu.dispatch.planning.Plans.minutes;
import static org.suxiu.dispatch.planning.Plans.plumber;
import static org.suxiu.dispatch.planning.Plans.problem;
import static org.suxiu.dispatch.planning.Plans.technician;

/**
 * Each constraint of the day plan on a hand-made plan, through Timefold's score analysis
 * (the shadow variables are computed as the solver would).
 */
class DayPlanConstraintsTest {

	private static final DayPlanner PLANNER = new DayPlanner(DayPlanner.Settings.moves(10, 10));

	@Test
	void aVisitOutsideTheTechniciansSkillsBreaksAHardConstraint() {
		PlanTechnician electrician = technician(1, Map.of(Category.ELECTRICAL, 5));
		PlanVisit leak = leak("BX1", EAST);
		electrician.getVisits().add(leak);

		HardSoftLongScore score = score(problem(List.of(electrician), List.of(leak)), DayPlanConstraints.SKILL);

		assertThat(score).isEqualTo(HardSoftLongScore.ofHard(-60));
	}

	@Test
	void aQualifiedTechnicianBreaksNoSkillConstraint() {
		PlanTechnician plumber = plumber(1);
		PlanVisit leak = leak("BX1", EAST);
		plumber.getVisits().add(leak);

		assertThat(score(problem(List.of(plumber), List.of(leak)), DayPlanConstraints.SKILL))
			.isEqualTo(HardSoftLongScore.ZERO);
	}

	@Test
	void generalWorkMustFinishBeforeTheShiftEnds() {
		PlanTechnician plumber = new PlanTechnician(1, "tech1", Map.of(Category.PLUMBING, 3), DEPOT, 0, minutes(30), 5);
		PlanVisit leak = leak("BX1", EAST);
		plumber.getVisits().add(leak);

		// 4 minutes' travel and 45 minutes' work end 19 minutes after the shift
		assertThat(score(problem(List.of(plumber), List.of(leak)), DayPlanConstraints.SHIFT_END))
			.isEqualTo(HardSoftLongScore.ofHard(-19));
	}

	@Test
	void urgentWorkNeedOnlyStartBeforeTheShiftEnds() {
		PlanTechnician plumber = new PlanTechnician(1, "tech1", Map.of(Category.PLUMBING, 3), DEPOT, 0, minutes(30), 5);
		PlanVisit burst = Plans.visit("BX1", Grade.L2, Category.PLUMBING, EAST);
		plumber.getVisits().add(burst);

		assertThat(score(problem(List.of(plumber), List.of(burst)), DayPlanConstraints.SHIFT_END))
			.isEqualTo(HardSoftLongScore.ZERO);
	}

	@Test
	void anAppointmentMustBeKeptWithinItsWindow() {
		PlanTechnician plumber = new PlanTechnician(1, "tech1", Map.of(Category.PLUMBING, 3), DEPOT, minutes(60),
				hours(8), 5);
		PlanVisit planned = new PlanVisit("BX1", Grade.L4, Category.PLUMBING, EAST, minutes(45), minutes(30),
				minutes(50), minutes(50), null);
		plumber.getVisits().add(planned);

		// free at 60, 4 minutes away: arrives 14 minutes after the window closed
		assertThat(score(problem(List.of(plumber), List.of(planned)), DayPlanConstraints.APPOINTMENT_WINDOW))
			.isEqualTo(HardSoftLongScore.ofHard(-14));
	}

	@Test
	void aRouteMayNotHoldMoreThanTheOpenJobsLimit() {
		PlanTechnician plumber = new PlanTechnician(1, "tech1", Map.of(Category.PLUMBING, 3), DEPOT, 0, hours(8), 1);
		PlanVisit first = leak("BX1", EAST);
		PlanVisit second = leak("BX2", NORTH);
		plumber.getVisits().addAll(List.of(first, second));

		assertThat(score(problem(List.of(plumber), List.of(first, second)), DayPlanConstraints.OPEN_JOBS_LIMIT))
			.isEqualTo(HardSoftLongScore.ofHard(-60));
	}

	@Test
	void anUnplannedOrderCostsWhatStartingAnHourAfterTheLastShiftWould() {
		PlanVisit general = new PlanVisit("BX1", Grade.L3, Category.PLUMBING, EAST, minutes(45), 0, null, hours(24),
				null);

		// the plumber's shift ends in 8 hours: waiting 9 hours at one per second, still
		// in time
		assertThat(score(problem(List.of(plumber(1)), List.of(general)), DayPlanConstraints.UNPLANNED))
			.isEqualTo(HardSoftLongScore.ofSoft(-hours(9)));
	}

	@Test
	void anUnplannedEmergencyCostsItsWaitAndItsBrokenPromise() {
		PlanVisit emergency = new PlanVisit("BX1", Grade.L1, Category.GAS, EAST, minutes(30), 0, null, minutes(30),
				null);

		long waited = hours(9);
		long late = hours(9) - minutes(30);
		assertThat(score(problem(List.of(plumber(1)), List.of(emergency)), DayPlanConstraints.UNPLANNED))
			.isEqualTo(HardSoftLongScore.ofSoft(-(8 * waited + 60 * (minutes(30) + late))));
	}

	@Test
	void aLateArrivalCostsAFlatHalfHourAndEverySecondLateWeightedByGrade() {
		PlanTechnician plumber = plumber(1);
		PlanVisit leak = new PlanVisit("BX1", Grade.L3, Category.PLUMBING, NORTH, minutes(45), 0, null, minutes(10),
				null);
		plumber.getVisits().add(leak);

		HardSoftLongScore score = score(problem(List.of(plumber), List.of(leak)), DayPlanConstraints.LATE_ARRIVAL);

		long arrival = leak.getArrival();
		assertThat(arrival).isGreaterThan(minutes(10));
		assertThat(score).isEqualTo(HardSoftLongScore.ofSoft(-6 * (minutes(30) + arrival - minutes(10))));
	}

	@Test
	void anArrivalInTimeCostsNothing() {
		PlanTechnician plumber = plumber(1);
		PlanVisit leak = new PlanVisit("BX1", Grade.L3, Category.PLUMBING, EAST, minutes(45), 0, null, minutes(30),
				null);
		plumber.getVisits().add(leak);

		assertThat(score(problem(List.of(plumber), List.of(leak)), DayPlanConstraints.LATE_ARRIVAL))
			.isEqualTo(HardSoftLongScore.ZERO);
	}

	@Test
	void aLateCompletionCostsLessPerSecondThanALateArrival() {
		PlanTechnician plumber = plumber(1);
		PlanVisit leak = new PlanVisit("BX1", Grade.L2, Category.PLUMBING, EAST, minutes(45), 0, null, null,
				minutes(40));
		plumber.getVisits().add(leak);

		HardSoftLongScore score = score(problem(List.of(plumber), List.of(leak)), DayPlanConstraints.LATE_COMPLETION);

		long late = leak.getDeparture() - minutes(40);
		assertThat(score).isEqualTo(HardSoftLongScore.ofSoft(-7 * (minutes(15) + late)));
	}

	@Test
	void waitingIsChargedFromWhenTheOrderIsReadyWeightedByGrade() {
		PlanTechnician plumber = new PlanTechnician(1, "tech1", Map.of(Category.PLUMBING, 3), DEPOT, minutes(10),
				hours(8), 5);
		PlanVisit burst = Plans.visit("BX1", Grade.L2, Category.PLUMBING, EAST);
		plumber.getVisits().add(burst);

		HardSoftLongScore score = score(problem(List.of(plumber), List.of(burst)), DayPlanConstraints.WAITING);

		assertThat(score).isEqualTo(HardSoftLongScore.ofSoft(-3 * burst.getStart()));
		assertThat(burst.getStart()).isEqualTo(minutes(10) + burst.getTravelSeconds());
	}

	@Test
	void travelIsChargedPerSecondAlongTheRoute() {
		PlanTechnician plumber = plumber(1);
		PlanVisit east = leak("BX1", EAST);
		PlanVisit north = leak("BX2", NORTH);
		plumber.getVisits().addAll(List.of(east, north));

		HardSoftLongScore score = score(problem(List.of(plumber), List.of(east, north)), DayPlanConstraints.TRAVEL);

		assertThat(score).isEqualTo(HardSoftLongScore.ofSoft(-(east.getTravelSeconds() + north.getTravelSeconds())));
		assertThat(north.getArrival()).isEqualTo(east.getDeparture() + north.getTravelSeconds());
	}

	@Test
	void oneLongDayCostsMoreBalanceThanTwoHalfDays() {
		PlanTechnician busy = plumber(1);
		PlanTechnician idle = plumber(2);
		PlanVisit first = leak("BX1", EAST);
		PlanVisit second = leak("BX2", EAST);
		busy.getVisits().addAll(List.of(first, second));
		PlanTechnician left = plumber(3);
		PlanTechnician right = plumber(4);
		PlanVisit third = leak("BX3", EAST);
		PlanVisit fourth = leak("BX4", EAST);
		left.getVisits().add(third);
		right.getVisits().add(fourth);

		long oneLongDay = score(problem(List.of(busy, idle), List.of(first, second)), DayPlanConstraints.BALANCE)
			.softScore();
		long twoHalfDays = score(problem(List.of(left, right), List.of(third, fourth)), DayPlanConstraints.BALANCE)
			.softScore();

		assertThat(oneLongDay).isLessThan(twoHalfDays);
	}

	@Test
	void workAlreadyInHandIsNotJudged() {
		PlanTechnician electrician = technician(1, Map.of(Category.ELECTRICAL, 5));
		PlanVisit taken = new PlanVisit("BX1", Grade.L3, Category.PLUMBING, NORTH, minutes(45), 0, null, minutes(1),
				null);
		electrician.pin(taken);

		DayPlanSolution plan = problem(List.of(electrician), List.of(taken));

		assertThat(score(plan, DayPlanConstraints.SKILL)).isEqualTo(HardSoftLongScore.ZERO);
		assertThat(score(plan, DayPlanConstraints.LATE_ARRIVAL)).isEqualTo(HardSoftLongScore.ZERO);
		assertThat(taken.getArrival()).isPositive();
	}

	private static HardSoftLongScore score(DayPlanSolution plan, String constraint) {
		var analysis = PLANNER.analyze(plan).getConstraintAnalysis(constraint);
		return analysis == null ? HardSoftLongScore.ZERO : analysis.score();
	}

}
