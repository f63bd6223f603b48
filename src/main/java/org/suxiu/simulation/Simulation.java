package org.suxiu.simulation;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.suxiu.simulation.SimulatedRequests.Request;
import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;
import org.suxiu.dispatch.Shift;

/**
 * A discrete-event replay of one scenario under one dispatch policy: technicians travel,
 * work one job at a time (most urgent first), keep to their shifts and drop out when an
 * incident says so.
 */
final class Simulation {

	/**
	 * How long past the scenario's end work may still finish before a request counts as
	 * unserved.
	 */
	static final double GRACE_MINUTES = 7 * 24 * 60;

	final Scenario scenario;

	final List<Request> requests;

	final Map<Grade, Double> limits;

	final ZoneId zone;

	final double overhead;

	final List<Tech> techs = new ArrayList<>();

	/** Jobs no technician could take yet (nearest-idle's queue). */
	final List<Job> pending = new ArrayList<>();

	private final PriorityQueue<Event> events = new PriorityQueue<>(
			Comparator.comparingDouble(Event::at).thenComparingLong(Event::seq));

	private long sequence;

	int reassignments;

	Simulation(Scenario scenario, List<Request> requests, Map<String, GeoPoint> sites, Map<Grade, Double> limits) {
		this.scenario = scenario;
		this.requests = requests;
		this.limits = limits;
		this.zone = scenario.start().getOffset();
		this.overhead = scenario.dispatchOverheadMinutes() == null ? 2 : scenario.dispatchOverheadMinutes();
		long id = 1;
		for (Scenario.TechnicianSpec spec : scenario.technicians()) {
			List<Shift> shifts = spec.shifts().stream().flatMap(s -> s.toShifts().stream()).toList();
			techs.add(new Tech(id++, spec.id(), Set.copyOf(spec.skills()), sites.get(spec.base()), shifts));
		}
		if (scenario.incidents() != null) {
			for (Scenario.Incident incident : scenario.incidents()) {
				double from = SimulatedRequests.minutes(scenario.start(), incident.at());
				tech(incident.technician()).away.add(new double[] { from, from + incident.hours() * 60 });
			}
		}
	}

	/** A technician in the simulation. */
	static final class Tech {

		final long id;

		final String name;

		final Set<Category> skills;

		final GeoPoint base;

		final List<Shift> shifts;

		GeoPoint position;

		Job current;

		double currentEnds;

		long token;

		final List<Job> queue = new ArrayList<>();

		final List<double[]> away = new ArrayList<>();

		double busyMinutes;

		double travelKm;

		Tech(long id, String name, Set<Category> skills, GeoPoint base, List<Shift> shifts) {
			this.id = id;
			this.name = name;
			this.skills = skills;
			this.base = base;
			this.position = base;
			this.shifts = shifts;
		}

		int openJobs() {
			return queue.size() + (current == null ? 0 : 1);
		}

	}

	/** A request being handled. */
	static final class Job {

		final Request request;

		double remaining;

		Double arrivedAt;

		double assignedAt;

		boolean onSite;

		Job(Request request) {
			this.request = request;
			this.remaining = request.serviceMinutes();
		}

	}

	private record Event(double at, long seq, Runnable action) {
	}

	/** Runs the whole scenario with the policy and returns each request's job. */
	List<Job> run(SimulationPolicy policy) {
		List<Job> jobs = new ArrayList<>();
		for (Request request : requests) {
			Job job = new Job(request);
			jobs.add(job);
			schedule(request.at(), () -> assign(policy, job, request.at()));
		}
		if (scenario.incidents() != null) {
			for (Scenario.Incident incident : scenario.incidents()) {
				double from = SimulatedRequests.minutes(scenario.start(), incident.at());
				double to = from + incident.hours() * 60;
				Tech tech = tech(incident.technician());
				schedule(from, () -> dropOut(policy, tech, from));
				schedule(to, () -> work(policy, tech, to));
			}
		}
		double end = scenario.hours() * 60 + GRACE_MINUTES;
		while (!events.isEmpty() && events.peek().at() <= end) {
			events.poll().action().run();
		}
		return jobs;
	}

	private Tech tech(String name) {
		return techs.stream()
			.filter(t -> t.name.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown technician " + name));
	}

	boolean isOnShift(Tech tech, double now) {
		for (double[] window : tech.away) {
			if (now >= window[0] && now < window[1]) {
				return false;
			}
		}
		ZonedDateTime local = at(now);
		return tech.shifts.stream().anyMatch(s -> s.covers(local));
	}

	ZonedDateTime at(double minutes) {
		return scenario.start().plusSeconds((long) (minutes * 60)).atZoneSameInstant(zone);
	}

	double travelMinutes(GeoPoint from, GeoPoint to) {
		return from.kilometresTo(to) * scenario.travel().detour() / scenario.travel().speedKmh() * 60;
	}

	private void assign(SimulationPolicy policy, Job job, double now) {
		SimulationPolicy.Choice choice = policy.choose(this, job, now);
		if (choice == null) {
			pending.add(job);
			for (Tech tech : techs) {
				if (tech.skills.contains(job.request.category()) && tech.current == null) {
					nextShift(tech, now).ifPresent(next -> schedule(next, () -> work(policy, tech, next)));
				}
			}
			return;
		}
		give(policy, choice.tech(), job, now, choice.preempt());
	}

	void give(SimulationPolicy policy, Tech tech, Job job, double now, boolean preempt) {
		job.assignedAt = now;
		if (preempt && tech.current != null && tech.current.onSite) {
			Job interrupted = tech.current;
			interrupted.remaining = Math.max(0, tech.currentEnds - now);
			tech.busyMinutes -= interrupted.remaining;
			tech.queue.add(interrupted);
			tech.current = null;
			tech.token++;
		}
		tech.queue.add(job);
		work(policy, tech, now);
	}

	/**
	 * The technician starts the most urgent job in their queue if they are free and on
	 * shift.
	 */
	void work(SimulationPolicy policy, Tech tech, double now) {
		if (tech.current != null) {
			return;
		}
		if (!isOnShift(tech, now)) {
			if (!tech.queue.isEmpty() || !pending.isEmpty()) {
				nextShift(tech, now).ifPresent(next -> schedule(next, () -> work(policy, tech, next)));
			}
			return;
		}
		if (tech.queue.isEmpty()) {
			policy.idle(this, tech, now).ifPresent(job -> {
				pending.remove(job);
				job.assignedAt = now;
				tech.queue.add(job);
			});
		}
		if (tech.queue.isEmpty()) {
			return;
		}
		tech.queue.sort(Comparator.comparing((Job j) -> j.request.grade()).thenComparingDouble(j -> j.request.at()));
		Job job = tech.queue.remove(0);
		double departs = Math.max(now, Math.max(job.assignedAt + overhead, 0));
		double travel = travelMinutes(tech.position, job.request.site());
		double arrives = Math.max(departs + travel, job.request.notBefore());
		tech.travelKm += tech.position.kilometresTo(job.request.site()) * scenario.travel().detour();
		tech.position = job.request.site();
		if (job.arrivedAt == null) {
			job.arrivedAt = arrives;
		}
		job.onSite = true;
		double ends = arrives + job.remaining;
		tech.busyMinutes += travel + job.remaining;
		tech.current = job;
		tech.currentEnds = ends;
		long token = ++tech.token;
		schedule(ends, () -> {
			if (tech.token == token) {
				tech.current = null;
				job.remaining = 0;
				work(policy, tech, ends);
			}
		});
	}

	/** Lets every free technician look at the queue again at the given time. */
	void wakeAt(SimulationPolicy policy, double at) {
		for (Tech tech : techs) {
			schedule(at, () -> work(policy, tech, at));
		}
	}

	private void dropOut(SimulationPolicy policy, Tech tech, double now) {
		List<Job> dropped = new ArrayList<>(tech.queue);
		tech.queue.clear();
		if (tech.current != null) {
			tech.current.remaining = Math.max(0, tech.currentEnds - now);
			dropped.add(tech.current);
			tech.current = null;
			tech.token++;
		}
		for (Job job : dropped) {
			reassignments++;
			assign(policy, job, now);
		}
	}

	/** The first moment from {@code now} the technician is on shift (to the minute). */
	double nextOnShift(Tech tech, double now) {
		if (isOnShift(tech, now)) {
			return now;
		}
		for (double t = Math.ceil(now); t < now + 8 * 24 * 60; t += 1) {
			if (isOnShift(tech, t)) {
				return t;
			}
		}
		return Double.MAX_VALUE;
	}

	private java.util.Optional<Double> nextShift(Tech tech, double now) {
		for (double t = Math.ceil(now / 15) * 15; t < now + 8 * 24 * 60; t += 15) {
			if (isOnShift(tech, t)) {
				return java.util.Optional.of(t);
			}
		}
		return java.util.Optional.empty();
	}

	/**
	 * Asks the technician to look for work at {@code at} (a policy that holds jobs back
	 * until it is time to leave).
	 */
	void wake(SimulationPolicy policy, Tech tech, double at) {
		schedule(at, () -> work(policy, tech, at));
	}

	private void schedule(double at, Runnable action) {
		events.add(new Event(at, sequence++, action));
	}

	static Map<Grade, Double> limits(Scenario scenario) {
		Map<Grade, Double> limits = new EnumMap<>(Grade.class);
		limits.put(Grade.L1, 30.0);
		limits.put(Grade.L2, 120.0);
		limits.put(Grade.L3, 1440.0);
		limits.put(Grade.L4, 4320.0);
		if (scenario.sla() != null) {
			scenario.sla().forEach((grade, limit) -> limits.put(grade, limit.arriveMinutes()));
		}
		return limits;
	}

	static Map<String, GeoPoint> sites(Scenario scenario) {
		Map<String, GeoPoint> sites = new HashMap<>();
		scenario.sites().forEach(s -> sites.put(s.id(), new GeoPoint(s.lat(), s.lng())));
		return sites;
	}

}
