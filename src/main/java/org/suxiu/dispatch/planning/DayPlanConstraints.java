package org.suxiu.dispatch.planning;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

import org.suxiu.shared.Grade;

/**
 * What makes a day plan good. Hard: the technician has the skill, finishes (urgent work:
 * arrives) before the shift ends, keeps an appointment's window and the open-jobs limit.
 * Soft, in seconds of delay: promises kept (late arrivals and completions weighted by
 * grade), little waiting, every order planned (one left out costs what it would cost if
 * started an hour after the last shift ends), little travel, balanced days. Work already
 * in hand (pinned) is not judged: the planner cannot change it.
 * <p>
 * Leaving an order out is soft, not a level of its own: otherwise the planner would fit
 * one more general job into the evening by sending an urgent one last.
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
			.penalizeLong(HardSoftLongScore.ONE_HARD, v -> 60)
			.asConstraint(SKILL);
	}

	Constraint shiftEnd(ConstraintFactory factory) {
		return factory.forEach(PlanVisit.class)
			.filter(v -> !v.isPinned() && v.isAssigned() && v.getDutyEnd() > v.getTechnician().getShiftEnd())
			.penalizeLong(HardSoftLongScore.ONE_HARD, v -> minutes(v.getDutyEnd() - v.getTechnician().getShiftEnd()))
			.asConstraint(SHIFT_END);
	}

	Constraint appointmentWindow(ConstraintFactory factory) {
		return factory.forEach(PlanVisit.class)
			.filter(v -> !v.isPinned() && v.isAssigned() && v.getWindowEnd() != null && v.getStart() > v.getWindowEnd())
			.penalizeLong(HardSoftLongScore.ONE_HARD, v -> minutes(v.getStart() - v.getWindowEnd()))
			.asConstraint(APPOINTMENT_WINDOW);
	}

	Constraint openJobsLimit(ConstraintFactory factory) {
		return factory.forEach(PlanTechnician.class)
			.filter(t -> t.getExcessVisits() > 0)
			.penalizeLong(HardSoftLongScore.ONE_HARD, t -> 60L * t.getExcessVisits())
			.asConstraint(OPEN_JOBS_LIMIT);
	}

	Constraint unplanned(ConstraintFactory factory) {
		return factory.forEachIncludingUnassigned(PlanVisit.class)
			.filter(v -> v.getTechnician() == null)
			.penalizeLong(HardSoftLongScore.ONE_SOFT, PlanVisit::getUnplannedCost)
			.asConstraint(UNPLANNED);
	}

	Constraint lateArrival(ConstraintFactory factory) {
		return factory.forEach(PlanVisit.class)
			.filter(v -> !v.isPinned() && v.isAssigned() && v.getArriveBy() != null && v.getStart() > v.getArriveBy())
			.penalizeLong(HardSoftLongScore.ONE_SOFT,
					v -> lateArrivalCost(v.getGrade(), v.getStart() - v.getArriveBy()))
			.asConstraint(LATE_ARRIVAL);
	}

	Constraint lateCompletion(ConstraintFactory factory) {
		return factory.forEach(PlanVisit.class)
			.filter(v -> !v.isPinned() && v.isAssigned() && v.getCompleteBy() != null
					&& v.getDeparture() > v.getCompleteBy())
			.penalizeLong(HardSoftLongScore.ONE_SOFT,
					v -> lateCompletionCost(v.getGrade(), v.getDeparture() - v.getCompleteBy()))
			.asConstraint(LATE_COMPLETION);
	}

	Constraint waiting(ConstraintFactory factory) {
		return factory.forEach(PlanVisit.class)
			.filter(v -> !v.isPinned() && v.isAssigned())
			.penalizeLong(HardSoftLongScore.ONE_SOFT,
					v -> waitWeight(v.getGrade()) * Math.max(0, v.getStart() - v.getReadyAt()))
			.asConstraint(WAITING);
	}

	Constraint travel(ConstraintFactory factory) {
		return factory.forEach(PlanTechnician.class)
			.penalizeLong(HardSoftLongScore.ONE_SOFT, PlanTechnician::getTravelSeconds)
			.asConstraint(TRAVEL);
	}

	/** The square of each day's length: one long day costs more than two half days. */
	Constraint balance(ConstraintFactory factory) {
		return factory.forEach(PlanTechnician.class).penalizeLong(HardSoftLongScore.ONE_SOFT, t -> {
			long day = Math.max(0, t.getRouteEnd());
			return day * day / 36_000;
		}).asConstraint(BALANCE);
	}

	/** A broken arrival promise: half an hour's charge, then per second late. */
	static long lateArrivalCost(Grade grade, long lateSeconds) {
		return lateWeight(grade) * (30 * 60 + lateSeconds);
	}

	/**
	 * A broken completion promise costs a third as much per second, after 15 minutes'
	 * charge.
	 */
	static long lateCompletionCost(Grade grade, long lateSeconds) {
		return lateWeight(grade) / 3 * (15 * 60 + lateSeconds);
	}

	/** Per second late. */
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
