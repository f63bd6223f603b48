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

	/** On-call technicians woken. */
	int wakeUps;

	/** Queued jobs moved to a free technician when their holder took an emergency. */
	int handOvers;

	/** Minutes from waking an on-call technician until they can set off. */
	final double wakeUpMinutes;

	Simulation(Scenario scenario, List<Request> requests, Map<String, GeoPoint> sites, Map<Grade, Double> limits) {
		this.scenario = scenario;
		this.requests = requests;
		this.limits = limits;
		this.zone = scenario.start().getOffset();
		this.overhead = scenario.dispatchOverheadMinutes() == null ? 2 : scenario.dispatchOverheadMinutes();
		this.wakeUpMinutes = scenario.wakeUpMinutes();
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

		/** Woken from on-call duty: on shift until this minute. */
		double wokenUntil = -1;

		/** When a woken technician can set off. */
		double readyAt = -1;

		/**
		 * Where they are heading to wait (look-ahead reservation), or {@code null}; until
		 * they get there they count as where they set off.
		 */
		GeoPoint standbyAt;

		/** Standby trips made. */
		int standbys;

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

	/**
	 * On a regular shift and not away, or woken from on-call duty whose shift still runs.
	 */
	boolean isOnShift(Tech tech, double now) {
		if (isAway(tech, now)) {
			return false;
		}
		ZonedDateTime local = at(now);
		return tech.shifts.stream().anyMatch(s -> (!s.onCall() || now < tech.wokenUntil) && s.covers(local));
	}

	private static boolean isAway(Tech tech, double now) {
		for (double[] window : tech.away) {
			if (now >= window[0] && now < window[1]) {
				return true;
			}
		}
		return false;
	}

	/** On call (值班) and not away, not on shift: someone a surge may wake. */
	boolean canWake(Tech tech, double now) {
		return !isOnShift(tech, now) && onCallEnds(tech, now) >= 0;
	}

	/**
	 * When the on-call shift covering {@code now} ends (minutes from the start), or −1 if
	 * none does or the technician is away.
	 */
	double onCallEnds(Tech tech, double now) {
		if (isAway(tech, now)) {
			return -1;
		}
		ZonedDateTime local = at(now);
		ZonedDateTime end = onCallEnd(tech, local);
		if (end == null) {
			return -1;
		}
		// on-call duty that runs on without a break (00:00–24:00 every day, say) is one
		// stretch: someone woken at 23:00 is not asleep again at midnight with work in
		// hand; at most a day from now
		ZonedDateTime cap = local.plusDays(1);
		for (ZonedDateTime next = onCallEnd(tech, end); next != null && next.isAfter(end)
				&& end.isBefore(cap); next = onCallEnd(tech, end)) {
			end = next.isAfter(cap) ? cap : next;
		}
		return java.time.Duration.between(scenario.start(), end).toSeconds() / 60.0;
	}

	private static ZonedDateTime onCallEnd(Tech tech, ZonedDateTime local) {
		return tech.shifts.stream()
			.filter(s -> s.onCall() && s.covers(local))
			.map(s -> s.endOf(local))
			.max(ZonedDateTime::compareTo)
			.orElse(null);
	}

	/**
	 * Wakes an on-call technician: on shift until their on-call shift ends, able to set
	 * off {@link #wakeUpMinutes} from now.
	 */
	void wakeUp(Tech tech, double now) {
		tech.wokenUntil = onCallEnds(tech, now);
		tech.readyAt = now + wakeUpMinutes;
		wakeUps++;
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
		policy.given(this, choice.tech(), job, now);
	}

	void give(SimulationPolicy policy, Tech tech, Job job, double now, boolean preempt) {
		job.assignedAt = now;
		if (preempt && tech.current != null && tech.current.onSite) {
			Job interrupted = tech.current;
			interrupted.remaining = Math.max(0, tech.currentEnds - now);
			tech.busyMinutes -= interrupted.remaining;
			if (interrupted.arrivedAt != null && interrupted.arrivedAt > now) {
				// called off on the way: it has not been reached, and all its work is
				// left
				interrupted.arrivedAt = null;
				interrupted.remaining = interrupted.request.serviceMinutes();
			}
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
			if (tech.standbyAt == null) {
				policy.rest(this, tech, now);
			}
			return;
		}
		tech.queue.sort(Comparator.comparing((Job j) -> j.request.grade()).thenComparingDouble(j -> j.request.at()));
		Job job = tech.queue.remove(0);
		double departs = Math.max(Math.max(now, tech.readyAt), Math.max(job.assignedAt + overhead, 0));
		double travel = travelMinutes(tech.position, job.request.site());
		double arrives = Math.max(departs + travel, job.request.notBefore());
		tech.travelKm += tech.position.kilometresTo(job.request.site()) * scenario.travel().detour();
		tech.position = job.request.site();
		tech.standbyAt = null;
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

	/**
	 * Sends a free technician to wait at {@code place}. On the way they count as where
	 * they set off (a call meanwhile is reached from there, a conservative simplification
	 * that keeps them at a site of their trades, as the clairvoyant reference assumes);
	 * they are at {@code place} once the trip is over, unless a job took them first.
	 */
	void standBy(Tech tech, GeoPoint place, double now) {
		double arrives = now + travelMinutes(tech.position, place);
		long token = tech.token;
		tech.standbyAt = place;
		tech.standbys++;
		schedule(arrives, () -> {
			if (tech.token == token && tech.current == null && tech.standbyAt == place) {
				tech.travelKm += tech.position.kilometresTo(place) * scenario.travel().detour();
				tech.position = place;
				tech.standbyAt = null;
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
		tech.standbyAt = null;
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

	/**
	 * The earliest a free technician could set off for a call at {@code at}: their next
	 * shift plus the overhead, or, on call, once a policy could have woken them (at the
	 * first emergency of their trades called during that on-call shift) plus the wake-up.
	 * For the bounds.
	 */
	double earliestDeparture(Tech tech, double at) {
		double regular = nextOnShift(tech, at) + overhead;
		if (tech.shifts.stream().noneMatch(Shift::onCall)) {
			return regular;
		}
		for (Request emergency : requests) {
			if (emergency.grade() != Grade.L1 || !tech.skills.contains(emergency.category())) {
				continue;
			}
			double ends = onCallEnds(tech, emergency.at());
			double departs = Math.max(at + overhead, Math.floor(emergency.at() + wakeUpMinutes));
			if (ends >= 0 && departs < ends && departs < regular) {
				regular = departs;
			}
		}
		return regular;
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
