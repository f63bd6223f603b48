package org.suxiu.dispatch.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/**
 * One planning problem and, once solved, its plan: the technicians on shift with their
 * routes, and every visit (planned, pinned or left unplanned). Times are seconds after
 * {@code start}.
 */
@PlanningSolution
public class DayPlanSolution {

	private Instant start;

	@PlanningEntityCollectionProperty
	private List<PlanTechnician> technicians;

	@PlanningEntityCollectionProperty
	@ValueRangeProvider
	private List<PlanVisit> visits;

	@PlanningScore
	private HardSoftLongScore score;

	DayPlanSolution() {
	}

	/**
	 * A problem to solve.
	 * @param start the plan's time zero (now)
	 * @param roads travel times; the places of the technicians and visits are added to it
	 * @param technicians technicians on shift, with the work in their hands already
	 * pinned
	 * @param visits every visit: the pinned ones and those to plan
	 */
	public DayPlanSolution(Instant start, RoadMap roads, List<PlanTechnician> technicians, List<PlanVisit> visits) {
		this.start = start;
		this.technicians = new ArrayList<>(technicians);
		this.visits = new ArrayList<>(visits);
		technicians.forEach(t -> t.locate(roads));
		visits.forEach(v -> v.locate(roads));
		roads.complete();
		long horizon = technicians.stream().mapToLong(PlanTechnician::getShiftEnd).max().orElse(0);
		visits.forEach(v -> v.leaveOutAfter(horizon));
	}

	/** Seconds from the plan's start to {@code at}. */
	public static long secondsBetween(Instant start, Instant at) {
		return Duration.between(start, at).toSeconds();
	}

	/** The moment {@code seconds} after the plan's start. */
	public Instant at(long seconds) {
		return start.plusSeconds(seconds);
	}

	public Instant getStart() {
		return start;
	}

	public List<PlanTechnician> getTechnicians() {
		return technicians;
	}

	public List<PlanVisit> getVisits() {
		return visits;
	}

	public HardSoftLongScore getScore() {
		return score;
	}

}
