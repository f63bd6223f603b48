package org.suxiu.dispatch.planning;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

import org.suxiu.shared.Grade;

/**
 * What makes a day plan good. Hard: the technician has the skill, finishes (urgent work:
 * arrives) before the shift ends, keeps an appointment's window and the open-jobs limit.
 * Medium: every order planned, the urgent first. Soft, in seconds: promises kept (late
 * arrivals and completions weighted by grade), little waiting, little travel, balanced
 * days. Work already in hand (pinned) is not judged: the planner cannot change it.
 */
public class DayPlanConstraints implements ConstraintProvider {

	public static final String SKILL = "skill";

	public static final String SHIFT_END = "shift end";

	public static final String APPOINTMENT_WINDOW = "appointment window";

	public static final String OPEN_JOBS_LIMIT = "open-jobs limit";

	public static final String UNPLANNED = "unplanned";

	public static final String LATE_ARRIVAL = "late arrival";

	public static final String LATE_COMPLETION = "late completion";

	public static final String WAITING = "waiting";

	public static final String TRAVEL = "travel";

	public static final String BALANCE = "balance";

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] { skill(factory), shiftEnd(factory), appointmentWindow(factory), openJobsLimit(factory),
				unplanned(factory), lateArrival(factory), lateCompletion(factory), waiting(factory), travel(factory),
				balance(factory) };
	}

	Constraint skill(ConstraintFactory factory) {
		return factory.forEach(PlanVisit.class)
			.filter(v -> !v.isPinned() && v.isAssigned() && v.getTechnician().level(v.getCategory()) == 0)
			.penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> 60)
			.asConstraint(SKILL);
	}

	Constraint shiftEnd(ConstraintFactory factory) {
		return factory.forEach(PlanVisit.class)
			.filter(v -> !v.isPinned() && v.isAssigned() && v.getDutyEnd() > v.getTechnician().getShiftEnd())
			.penalizeLong(HardMediumSoftLongScore.ONE_HARD,
					v -> minutes(v.getDutyEnd() - v.getTechnician().getShiftEnd()))
			.asConstraint(SHIFT_END);
	}

	Constraint appointmentWindow(ConstraintFactory factory) {
		return factory.forEach(PlanVisit.class)
			.filter(v -> !v.isPinned() && v.isAssigned() && v.getWindowEnd() != null && v.getStart() > v.getWindowEnd())
			.penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> minutes(v.getStart() - v.getWindowEnd()))
			.asConstraint(APPOINTMENT_WINDOW);
	}

	Constraint openJobsLimit(ConstraintFactory factory) {
		return factory.forEach(PlanTechnician.class)
			.filter(t -> t.getExcessVisits() > 0)
			.penalizeLong(HardMediumSoftLongScore.ONE_HARD, t -> 60L * t.getExcessVisits())
			.asConstraint(OPEN_JOBS_LIMIT);
	}

	Constraint unplanned(ConstraintFactory factory) {
		return factory.forEachIncludingUnassigned(PlanVisit.class)
			.filter(v -> v.getTechnician() == null)
			.penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, v -> unplannedWeight(v.getGrade()))
			.asConstraint(UNPLANNED);
	}

	Constraint lateArrival(ConstraintFactory factory) {
		return factory.forEach(PlanVisit.class)
			.filter(v -> !v.isPinned() && v.isAssigned() && v.getArriveBy() != null && v.getStart() > v.getArriveBy())
			.penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
					v -> lateWeight(v.getGrade()) * (30 * 60 + v.getStart() - v.getArriveBy()))
			.asConstraint(LATE_ARRIVAL);
	}

	Constraint lateCompletion(ConstraintFactory factory) {
		return factory.forEach(PlanVisit.class)
			.filter(v -> !v.isPinned() && v.isAssigned() && v.getCompleteBy() != null
					&& v.getDeparture() > v.getCompleteBy())
			.penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
					v -> lateWeight(v.getGrade()) / 3 * (15 * 60 + v.getDeparture() - v.getCompleteBy()))
			.asConstraint(LATE_COMPLETION);
	}

	Constraint waiting(ConstraintFactory factory) {
		return factory.forEach(PlanVisit.class)
			.filter(v -> !v.isPinned() && v.isAssigned())
			.penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
					v -> waitWeight(v.getGrade()) * Math.max(0, v.getStart() - v.getReadyAt()))
			.asConstraint(WAITING);
	}

	Constraint travel(ConstraintFactory factory) {
		return factory.forEach(PlanTechnician.class)
			.penalizeLong(HardMediumSoftLongScore.ONE_SOFT, PlanTechnician::getTravelSeconds)
			.asConstraint(TRAVEL);
	}

	/** The square of each day's length: one long day costs more than two half days. */
	Constraint balance(ConstraintFactory factory) {
		return factory.forEach(PlanTechnician.class).penalizeLong(HardMediumSoftLongScore.ONE_SOFT, t -> {
			long day = Math.max(0, t.getRouteEnd());
			return day * day / 36_000;
		}).asConstraint(BALANCE);
	}

	/** Per order left out of the plan. */
	static long unplannedWeight(Grade grade) {
		return switch (grade) {
			case L1 -> 1000;
			case L2 -> 300;
			case L3, L4 -> 100;
		};
	}

	/** Per second late, after a flat charge for breaking the promise at all. */
	static long lateWeight(Grade grade) {
		return switch (grade) {
			case L1 -> 60;
			case L2 -> 21;
			case L3, L4 -> 6;
		};
	}

	/** Per second from ready to start. */
	static long waitWeight(Grade grade) {
		return switch (grade) {
			case L1 -> 8;
			case L2 -> 3;
			case L3, L4 -> 1;
		};
	}

	private static long minutes(long seconds) {
		return (seconds + 59) / 60;
	}

}
