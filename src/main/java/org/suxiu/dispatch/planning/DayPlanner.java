package org.suxiu.dispatch.planning;

import java.time.Duration;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Solves day plans with Timefold Solver. Thread-safe: every solve builds its own solver
 * from one factory.
 */
public final class DayPlanner {

	/**
	 * When to stop. A time limit suits a dispatcher waiting for an answer; a move limit
	 * (with the seeded, reproducible environment) gives the same plan on every machine,
	 * as the simulator needs.
	 *
	 * @param timeLimit stop after this long, or {@code null}
	 * @param unimprovedTimeLimit stop when the best plan has not improved for this long,
	 * or {@code null}
	 * @param moves stop local search after evaluating this many moves, or {@code null}
	 * @param unimprovedSteps stop local search after this many steps without improvement,
	 * or {@code null}
	 */
	public record Settings(Duration timeLimit, Duration unimprovedTimeLimit, Long moves, Integer unimprovedSteps) {

		public static Settings timed(Duration limit, Duration unimproved) {
			return new Settings(limit, unimproved, null, null);
		}

		public static Settings moves(long moves, int unimprovedSteps) {
			return new Settings(null, null, moves, unimprovedSteps);
		}

	}

	/**
	 * A solved plan.
	 *
	 * @param plan the technicians' routes and every visit
	 * @param millis how long the solver took
	 */
	public record Solved(DayPlanSolution plan, long millis) {
	}

	private final SolverFactory<DayPlanSolution> factory;

	private final SolutionManager<DayPlanSolution, HardSoftLongScore> solutions;

	public DayPlanner(Settings settings) {
		this.factory = SolverFactory.create(config(settings));
		this.solutions = SolutionManager.create(factory);
	}

	static SolverConfig config(Settings settings) {
		SolverConfig config = new SolverConfig().withSolutionClass(DayPlanSolution.class)
			.withEntityClasses(PlanTechnician.class, PlanVisit.class)
			.withConstraintProviderClass(DayPlanConstraints.class)
			.withEnvironmentMode(EnvironmentMode.NO_ASSERT)
			.withRandomSeed(0L);
		TerminationConfig solverTermination = new TerminationConfig();
		if (settings.timeLimit() != null) {
			solverTermination.withSpentLimit(settings.timeLimit());
		}
		if (settings.unimprovedTimeLimit() != null) {
			solverTermination.withUnimprovedSpentLimit(settings.unimprovedTimeLimit());
		}
		TerminationConfig localSearch = new TerminationConfig();
		if (settings.moves() != null) {
			localSearch.withMoveCountLimit(settings.moves());
		}
		if (settings.unimprovedSteps() != null) {
			localSearch.withUnimprovedStepCountLimit(settings.unimprovedSteps());
		}
		if (settings.timeLimit() == null && settings.moves() == null) {
			throw new IllegalArgumentException("a day planner needs a time or move limit");
		}
		return config.withTerminationConfig(solverTermination)
			.withPhases(new ConstructionHeuristicPhaseConfig(),
					new LocalSearchPhaseConfig().withTerminationConfig(localSearch));
	}

	/**
	 * Plans the visits that are not pinned. The solver works on {@code problem} itself;
	 * read the answer from the returned plan.
	 */
	public Solved solve(DayPlanSolution problem) {
		long started = System.nanoTime();
		DayPlanSolution plan = factory.buildSolver().solve(problem);
		return new Solved(plan, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Computes the arrival times and the score of a plan as it stands, without solving.
	 */
	public HardSoftLongScore evaluate(DayPlanSolution plan) {
		return solutions.update(plan);
	}

	/** The score of a plan as it stands, constraint by constraint. */
	public ScoreAnalysis<HardSoftLongScore> analyze(DayPlanSolution plan) {
		return solutions.analyze(plan);
	}

}
