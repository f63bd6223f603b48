package org.suxiu.simulation;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.suxiu.simulation.Simulation.Job;
import org.suxiu.simulation.Simulation.Tech;
import org.suxiu.dispatch.planning.DayPlanSolution;
import org.suxiu.dispatch.planning.DayPlanner;
import org.suxiu.dispatch.planning.PlanTechnician;
import org.suxiu.dispatch.planning.PlanVisit;
import org.suxiu.dispatch.planning.RoadMap;
import org.suxiu.shared.Category;
import org.suxiu.dispatch.Recommender;
import org.suxiu.dispatch.TravelTimes;

/**
 * The day planner as a simulated dispatcher: on every arrival, and whenever a technician
 * is free while work waits, it plans every waiting job across the technicians on shift
 * and commits only what starts now: the first visit of each free technician's route. The
 * rest stays open, so the next plan may still move it. The solver stops after a fixed
 * number of steps in its reproducible mode, so the figures are the same on every run.
 */
final class TimefoldPolicy implements SimulationPolicy {

	/** Moves the local search evaluates per plan at most: the same on every machine. */
	static final long MOVES = 20_000;

	static final int UNIMPROVED_STEPS = 200;

	/** A technician sets off now unless the plan has them wait longer than this. */
	private static final double WAIT_MINUTES = 5;

	private final DayPlanner planner = new DayPlanner(DayPlanner.Settings.moves(MOVES, UNIMPROVED_STEPS));

	private final TravelTimes travel;

	private final List<Long> solveNanos = new ArrayList<>();

	/** Wake-ups already scheduled, so that re-plans do not schedule them twice. */
	private final Set<String> wakes = new HashSet<>();

	TimefoldPolicy(Simulation sim) {
		this.travel = new TravelTimes.StraightLine(sim.scenario.travel().speedKmh(), sim.scenario.travel().detour(),
				Duration.ZERO);
	}

	@Override
	public String name() {
		return "timefold";
	}

	@Override
	public Choice choose(Simulation sim, Job job, double now) {
		Tech chosen = startWhatIsDue(sim, now, job, null);
		return chosen == null ? null : new Choice(chosen, false);
	}

	@Override
	public Optional<Job> idle(Simulation sim, Tech tech, double now) {
		if (sim.pending.isEmpty()) {
			return Optional.empty();
		}
		Job[] mine = new Job[1];
		startWhatIsDue(sim, now, null, (t, job) -> {
			if (t == tech) {
				mine[0] = job;
				return true;
			}
			return false;
		});
		return Optional.ofNullable(mine[0]);
	}

	/**
	 * Plans, then starts each free technician on the first visit of their route; returns
	 * the technician for {@code arriving} if they start it now.
	 */
	private Tech startWhatIsDue(Simulation sim, double now, Job arriving, Claim claim) {
		List<Job> waiting = new ArrayList<>(sim.pending);
		if (arriving != null) {
			waiting.add(arriving);
		}
		Snapshot snapshot = snapshot(sim, now, arriving);
		if (snapshot == null) {
			wakeWhenPossible(sim, now, waiting);
			return null;
		}
		long started = System.nanoTime();
		DayPlanSolution plan = planner.solve(snapshot.problem()).plan();
		solveNanos.add(System.nanoTime() - started);
		Set<String> planned = new HashSet<>();
		plan.getTechnicians().forEach(route -> route.getVisits().forEach(v -> planned.add(v.getId())));
		wakeWhenPossible(sim, now, waiting.stream().filter(j -> !planned.contains(j.request.id())).toList());
		Tech forArriving = null;
		for (PlanTechnician route : plan.getTechnicians()) {
			Tech tech = snapshot.techs().get(route.getId());
			if (tech.current != null || !tech.queue.isEmpty() || route.getVisits().isEmpty()) {
				continue;
			}
			PlanVisit first = route.getVisits().get(0);
			Job job = snapshot.jobs().get(first.getId());
			double wait = (first.getStart() - first.getArrival()) / 60.0;
			if (wait > WAIT_MINUTES) {
				sim.wake(this, tech, now + wait - WAIT_MINUTES);
			}
			else if (job == arriving) {
				forArriving = tech;
			}
			else if (claim == null || !claim.take(tech, job)) {
				sim.pending.remove(job);
				sim.give(this, tech, job, now, false);
			}
		}
		return forArriving;
	}

	/**
	 * Jobs no technician on shift can do now wait for a later plan: the qualified
	 * technicians are woken when their next shift starts (or when an appointment opens),
	 * in case no arrival or finished job triggers one before.
	 */
	private void wakeWhenPossible(Simulation sim, double now, List<Job> leftOut) {
		for (Job job : leftOut) {
			for (Tech tech : sim.techs) {
				if (!tech.skills.contains(job.request.category())) {
					continue;
				}
				double from = Math.max(now, job.request.notBefore());
				if (from == now && sim.isOnShift(tech, now)) {
					from = shiftEnd(sim, tech, now);
				}
				double at = sim.nextOnShift(tech, from);
				if (at < Double.MAX_VALUE && at > now && wakes.add(tech.id + "@" + at)) {
					sim.wake(this, tech, at);
				}
			}
		}
	}

	private interface Claim {

		boolean take(Tech tech, Job job);

	}

	private record Snapshot(DayPlanSolution problem, Map<Long, Tech> techs, Map<String, Job> jobs) {
	}

	/** The simulator's state as a planning problem, or null if nothing can be planned. */
	private Snapshot snapshot(Simulation sim, double now, Job arriving) {
		Map<Long, Tech> techs = new HashMap<>();
		Map<String, Job> jobs = new HashMap<>();
		List<PlanTechnician> technicians = new ArrayList<>();
		List<PlanVisit> visits = new ArrayList<>();
		double latestShiftEnd = now;
		for (Tech tech : sim.techs) {
			if (!sim.isOnShift(tech, now)) {
				continue;
			}
			double shiftEnd = shiftEnd(sim, tech, now);
			latestShiftEnd = Math.max(latestShiftEnd, shiftEnd);
			boolean busy = tech.current != null;
			double free = busy ? now + remaining(tech, now) : now + sim.overhead;
			Map<Category, Integer> skills = new EnumMap<>(Category.class);
			tech.skills.forEach(c -> skills.put(c, 3));
			PlanTechnician route = new PlanTechnician(tech.id, tech.name, skills,
					busy ? tech.current.request.site() : tech.position, seconds(free - now), seconds(shiftEnd - now),
					Integer.MAX_VALUE);
			tech.queue.stream()
				.sorted(Comparator.comparing((Job j) -> j.request.grade()).thenComparingDouble(j -> j.request.at()))
				.forEach(queued -> {
					PlanVisit visit = visit(sim, queued, now);
					route.pin(visit);
					visits.add(visit);
					jobs.put(queued.request.id(), queued);
				});
			technicians.add(route);
			techs.put(tech.id, tech);
		}
		List<Job> waiting = new ArrayList<>(sim.pending);
		if (arriving != null) {
			waiting.add(arriving);
		}
		int toPlan = 0;
		for (Job job : waiting) {
			boolean someoneCan = techs.values().stream().anyMatch(t -> t.skills.contains(job.request.category()));
			if (someoneCan && job.request.notBefore() < latestShiftEnd && !jobs.containsKey(job.request.id())) {
				visits.add(visit(sim, job, now));
				jobs.put(job.request.id(), job);
				toPlan++;
			}
		}
		if (toPlan == 0) {
			return null;
		}
		RoadMap roads = new RoadMap(travel::between, Duration.ofMinutes(15));
		return new Snapshot(new DayPlanSolution(sim.at(now).toInstant(), roads, technicians, visits), techs, jobs);
	}

	private static PlanVisit visit(Simulation sim, Job job, double now) {
		var request = job.request;
		double arriveBy = request.at() + sim.limits.get(request.grade());
		return new PlanVisit(request.id(), request.grade(), request.category(), request.site(),
				Recommender.service(request.category()).toSeconds(), Math.max(0, seconds(request.notBefore() - now)),
				null, seconds(arriveBy - now), null);
	}

	/** What is left of the job in hand, estimated as the production planner does. */
	private static double remaining(Tech tech, double now) {
		Job job = tech.current;
		double spent = job.request.serviceMinutes() - Math.max(0, tech.currentEnds - now);
		return Recommender.remaining(job.request.category(), Duration.ofSeconds(Math.round(spent * 60))).toSeconds()
				/ 60.0;
	}

	private static double shiftEnd(Simulation sim, Tech tech, double now) {
		ZonedDateTime local = sim.at(now);
		return tech.shifts.stream()
			.filter(s -> s.covers(local))
			.map(s -> s.endOf(local))
			.max(ZonedDateTime::compareTo)
			.map(end -> now + Duration.between(local, end).toSeconds() / 60.0)
			.orElse(now);
	}

	private static long seconds(double minutes) {
		return Math.round(minutes * 60);
	}

	/** Solver figures for the report. */
	String summary() {
		List<Long> sorted = solveNanos.stream().sorted().toList();
		if (sorted.isEmpty()) {
			return "timefold: no plans solved";
		}
		double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
		double p99 = sorted.get((int) Math.ceil(0.99 * (sorted.size() - 1))) / 1e6;
		double max = sorted.get(sorted.size() - 1) / 1e6;
		return String.format(
				"timefold: %d plans solved (at most %d moves each), mean %.1f ms, p99 %.1f ms, max %.1f ms",
				sorted.size(), MOVES, mean, p99, max);
	}

}
