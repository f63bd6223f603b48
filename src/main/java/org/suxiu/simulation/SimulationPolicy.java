package org.suxiu.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.suxiu.simulation.Simulation.Job;
import org.suxiu.simulation.Simulation.Tech;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.dispatch.Proposal;
import org.suxiu.dispatch.Recommender;
import org.suxiu.dispatch.Standby;
import org.suxiu.dispatch.Technician;
import org.suxiu.dispatch.TechnicianStatus;
import org.suxiu.dispatch.TravelTimes;

/**
 * A dispatch rule under test in the simulator.
 */
interface SimulationPolicy {

	String name();

	/** Who gets the new job now, or {@code null} to hold it until someone is free. */
	Choice choose(Simulation sim, Job job, double now);

	/** After the simulator gave {@code job} to {@code tech}. */
	default void given(Simulation sim, Tech tech, Job job, double now) {
	}

	/**
	 * A technician on shift has nothing to do: the policy may send them to wait somewhere
	 * ({@link Simulation#standBy}).
	 */
	default void rest(Simulation sim, Tech tech, double now) {
	}

	/** A free technician may pull a held job. */
	default Optional<Job> idle(Simulation sim, Tech tech, double now) {
		return Optional.empty();
	}

	record Choice(Tech tech, boolean preempt) {
	}

	static List<Tech> qualified(Simulation sim, Job job) {
		return sim.techs.stream().filter(t -> t.skills.contains(job.request.category())).toList();
	}

	/**
	 * Any qualified technician, the one on shift soonest: the job waits in their queue.
	 */
	static Choice fallback(Simulation sim, Job job, double now) {
		return qualified(sim, job).stream()
			.min(Comparator.comparingDouble((Tech t) -> firstShift(sim, t, now)).thenComparingInt(Tech::openJobs))
			.map(t -> new Choice(t, false))
			.orElse(null);
	}

	private static double firstShift(Simulation sim, Tech tech, double now) {
		for (double t = now; t < now + 8 * 24 * 60; t += 15) {
			if (sim.isOnShift(tech, t)) {
				return t;
			}
		}
		return Double.MAX_VALUE;
	}

	/** Turn by turn among qualified technicians on shift, busy or not. */
	final class RoundRobin implements SimulationPolicy {

		private final Map<Category, Integer> next = new EnumMap<>(Category.class);

		@Override
		public String name() {
			return "round-robin";
		}

		@Override
		public Choice choose(Simulation sim, Job job, double now) {
			List<Tech> onShift = qualified(sim, job).stream().filter(t -> sim.isOnShift(t, now)).toList();
			if (onShift.isEmpty()) {
				return fallback(sim, job, now);
			}
			int turn = next.merge(job.request.category(), 1, Integer::sum) - 1;
			return new Choice(onShift.get(turn % onShift.size()), false);
		}

	}

	/**
	 * The closest idle qualified technician on shift; otherwise the job waits by grade
	 * then arrival.
	 */
	final class NearestIdle implements SimulationPolicy {

		@Override
		public String name() {
			return "nearest-idle";
		}

		@Override
		public Choice choose(Simulation sim, Job job, double now) {
			return qualified(sim, job).stream()
				.filter(t -> sim.isOnShift(t, now) && t.openJobs() == 0)
				.min(Comparator.comparingDouble(t -> sim.travelMinutes(t.position, job.request.site())))
				.map(t -> new Choice(t, false))
				.orElse(null);
		}

		@Override
		public Optional<Job> idle(Simulation sim, Tech tech, double now) {
			return sim.pending.stream()
				.filter(j -> tech.skills.contains(j.request.category()))
				.min(Comparator.comparing((Job j) -> j.request.grade()).thenComparingDouble(j -> j.request.at()));
		}

	}

	/** The production {@link Recommender}, fed the simulator's state. */
	final class Suxiu implements SimulationPolicy {

		/**
		 * Look-ahead wake-up as shipped: wake the nearest on-call technician with an
		 * emergency's trade when fewer than three colleagues with it are left free
		 * (chosen on set A from 1, 2, 3, 4; production's {@code Recommender} names the
		 * same one).
		 */
		static final int WAKE_AHEAD = 3;

		/** How long before an appointment a technician may set off for it. */
		private static final double LOOKAHEAD = 60;

		private final Recommender recommender;

		private final Instant start;

		/**
		 * Look-ahead reservation for emergencies: how many minutes of arrival an L1 may
		 * give up to keep a technician whose trades the next emergencies are likely to
		 * need (0: the recommender's first proposal, as production).
		 */
		private final double reserveMinutes;

		/** Emergencies seen so far per trade: the learned mix of the next ones. */
		private final Map<Category, Integer> emergencies = new EnumMap<>(Category.class);

		/** Why each emergency went where it went, when the reservation changed it. */
		final List<String> explanations = new ArrayList<>();

		/** Surge mode: wake on-call technicians when emergencies outnumber free ones. */
		private final boolean wakeOnCall;

		/**
		 * Re-planning: an emergency's technician hands queued work to free colleagues.
		 */
		private final boolean replan;

		private final String name;

		/** Look-ahead reservation: where free technicians wait, or {@code null}. */
		private Standby standby;

		/** Calls so far per site: where the next emergencies are likely. */
		private final Map<String, Integer> callsPerSite = new HashMap<>();

		/** Trades called in so far per site: where a technician may be sent to wait. */
		private final Map<String, Set<Category>> tradesPerSite = new HashMap<>();

		/**
		 * Look-ahead wake-up: wake an on-call technician when fewer than this many
		 * colleagues with the emergency's trade are left free (0: only for the emergency
		 * itself, in a surge).
		 */
		private int wakeAhead;

		/** Why each on-call technician was woken ahead. */
		final List<String> wokenAhead = new ArrayList<>();

		Suxiu wakeAhead(int fewerThan) {
			this.wakeAhead = fewerThan;
			return this;
		}

		/** Requests seen (a dropped-out technician's jobs come back). */
		private final Set<String> called = new java.util.HashSet<>();

		/** Standby advice given, for the report and tests. */
		final List<String> standbyReasons = new ArrayList<>();

		/**
		 * The policy as shipped: surge mode (on-call wake-up, L2 pre-emption in a surge
		 * only); re-planning is an option ({@code suxiu-replan}): it changed no count on
		 * the tuning seeds.
		 */
		Suxiu(Simulation sim) {
			this(sim, "suxiu", 0, true, Recommender.UrgentPreemption.IN_SURGE, false);
		}

		Suxiu(Simulation sim, double reserveMinutes) {
			this(sim, "suxiu-reserve", reserveMinutes, true, Recommender.UrgentPreemption.IN_SURGE, false);
		}

		/**
		 * Look-ahead reservation, and an emergency may interrupt urgent (L2) work
		 * whenever that is cheaper: the best variant measured on set A, not what
		 * production does (there urgent work yields only in a surge).
		 */
		static Suxiu reservingAndPreempting(Simulation sim, double reserveMinutes) {
			return new Suxiu(sim, "suxiu-reserve-preempt", reserveMinutes, true, Recommender.UrgentPreemption.ALWAYS,
					false);
		}

		/**
		 * @param wakeOnCall wake on-call technicians in a surge
		 * @param urgentPreemption when an emergency may interrupt an L2
		 * @param replan hand an emergency technician's queued work to free colleagues
		 */
		Suxiu(Simulation sim, String name, double reserveMinutes, boolean wakeOnCall,
				Recommender.UrgentPreemption urgentPreemption, boolean replan) {
			this.name = name;
			this.reserveMinutes = reserveMinutes;
			this.wakeOnCall = wakeOnCall;
			this.replan = replan;
			this.wakeAhead = wakeOnCall ? WAKE_AHEAD : 0;
			this.recommender = new Recommender(
					new TravelTimes.StraightLine(sim.scenario.travel().speedKmh(), sim.scenario.travel().detour(),
							Duration.ZERO),
					Duration.ofSeconds((long) (sim.overhead * 60)), Duration.ofMinutes(15),
					Duration.ofSeconds((long) (Math.max(0, sim.wakeUpMinutes - sim.overhead) * 60)), urgentPreemption);
			this.start = sim.scenario.start().toInstant();
		}

		/**
		 * Turns on look-ahead reservation: a technician with nothing to do waits where
		 * they alone cover the most likely emergencies, if that is at least
		 * {@code minimumGain} of them more than where they are.
		 * @param marginMinutes how far inside the L1 limit a place must be reachable to
		 * count as covered
		 */
		Suxiu standby(Simulation sim, double marginMinutes, double minimumGain) {
			double reach = sim.limits.get(Grade.L1) - sim.overhead - marginMinutes;
			this.standby = new Standby(new TravelTimes.StraightLine(sim.scenario.travel().speedKmh(),
					sim.scenario.travel().detour(), Duration.ZERO), Duration.ofSeconds((long) (reach * 60)),
					minimumGain);
			return this;
		}

		@Override
		public String name() {
			return name;
		}

		/**
		 * The simulator's roster as dispatch sees it: a technician away is on leave; one
		 * woken from on-call duty is on a regular shift until it ends; one on call and
		 * asleep is off duty unless {@code wakeable} (a surge), then on call, as
		 * production shows them.
		 */
		private List<Technician> roster(Simulation sim, double now, boolean wakeable) {
			Instant instant = at(now);
			List<Technician> technicians = new ArrayList<>();
			for (Tech tech : sim.techs) {
				Map<Category, Integer> skills = new EnumMap<>(Category.class);
				tech.skills.forEach(c -> skills.put(c, 3));
				boolean away = tech.away.stream().anyMatch(w -> now >= w[0] && now < w[1]);
				boolean woken = now < tech.wokenUntil;
				List<org.suxiu.dispatch.Shift> shifts = !woken ? tech.shifts
						: tech.shifts.stream()
							.map(s -> new org.suxiu.dispatch.Shift(s.dayOfWeek(), s.from(), s.to(), false))
							.toList();
				TechnicianStatus status = away ? TechnicianStatus.LEAVE
						: !wakeable && sim.canWake(tech, now) ? TechnicianStatus.OFF : TechnicianStatus.ON_DUTY;
				technicians.add(new Technician(tech.id, 0, tech.name, tech.name, null, status, tech.position, instant,
						1000, skills, shifts, Set.of()));
			}
			return technicians;
		}

		/**
		 * Emergencies nobody has reached yet: waiting, queued, or being travelled to;
		 * {@code job} included.
		 */
		static int openEmergencies(Simulation sim, Job job, double now) {
			int open = 1;
			for (Job waiting : sim.pending) {
				open += waiting != job && waiting.request.grade() == Grade.L1 ? 1 : 0;
			}
			for (Tech tech : sim.techs) {
				if (tech.current != null && tech.current.request.grade() == Grade.L1
						&& (tech.current.arrivedAt == null || tech.current.arrivedAt > now)) {
					open++;
				}
				for (Job queued : tech.queue) {
					open += queued != job && queued.request.grade() == Grade.L1 && queued.arrivedAt == null ? 1 : 0;
				}
			}
			return open;
		}

		@Override
		public Choice choose(Simulation sim, Job job, double now) {
			if (called.add(job.request.id())) {
				callsPerSite.merge(job.request.siteId(), 1, Integer::sum);
				tradesPerSite.computeIfAbsent(job.request.siteId(), k -> java.util.EnumSet.noneOf(Category.class))
					.add(job.request.category());
			}
			Instant instant = at(now);
			Map<Long, List<org.suxiu.dispatch.Job>> jobs = new HashMap<>();
			Map<Long, Tech> byId = new HashMap<>();
			for (Tech tech : sim.techs) {
				byId.put(tech.id, tech);
				List<org.suxiu.dispatch.Job> inHand = new ArrayList<>();
				if (tech.current != null) {
					inHand.add(job(tech, tech.current, "IN_PROGRESS", now));
				}
				tech.queue.forEach(q -> inHand.add(job(tech, q, "DISPATCHED", now)));
				jobs.put(tech.id, inHand);
			}
			Recommender.Order order = new Recommender.Order(job.request.id(), 0, job.request.grade(),
					job.request.category(), job.request.site(),
					at(job.request.at() + sim.limits.get(job.request.grade())));
			boolean emergency = job.request.grade() == Grade.L1;
			int open = emergency ? openEmergencies(sim, job, now) : 0;
			List<Technician> technicians = roster(sim, now, false);
			if (emergency && wakeOnCall
					&& recommender.surge(order, technicians, jobs, open, instant, sim.zone).active()) {
				technicians = roster(sim, now, true);
			}
			List<Proposal> ranked = recommender.assess(order, technicians, jobs, instant, sim.zone, open).proposals();
			if (job.request.grade() != Grade.L1) {
				// anything short of an emergency is dispatched only to someone who can
				// set
				// off now; otherwise it waits in the dispatcher's queue for whoever frees
				// up
				// first, instead of being promised to one technician's backlog
				// (and an appointment only shortly before its window)
				if (job.request.notBefore() > now + LOOKAHEAD) {
					sim.wakeAt(this, job.request.notBefore() - LOOKAHEAD);
					return null;
				}
				return ranked.stream()
					.filter(p -> ((Number) p.reasons().get("jobsInHand")).intValue() == 0)
					.findFirst()
					.map(p -> new Choice(byId.get(p.technicianId()), false))
					.orElse(null);
			}
			emergencies.merge(job.request.category(), 1, Integer::sum);
			if (ranked.isEmpty()) {
				return fallback(sim, job, now);
			}
			Proposal first = ranked.get(0);
			if (reserveMinutes > 0) {
				first = reserve(sim, job, now, ranked, byId);
			}
			Tech chosen = byId.get(first.technicianId());
			if (sim.canWake(chosen, now)) {
				sim.wakeUp(chosen, now);
			}
			if (wakeAhead > 0) {
				wakeAhead(sim, job, chosen, now);
			}
			return new Choice(chosen, first.reasons().get("preempts") != null);
		}

		/**
		 * Look-ahead wake-up: once this emergency has its technician, if fewer than
		 * {@code wakeAhead} technicians on a regular shift with its trade are left free
		 * (holding no emergency or urgent job), the nearest on-call technician with the
		 * trade is woken now, so the next emergency of the trade does not wait for the
		 * wake-up as well as the trip.
		 */
		private void wakeAhead(Simulation sim, Job job, Tech chosen, double now) {
			Category trade = job.request.category();
			int free = 0;
			Tech sleeper = null;
			for (Tech tech : sim.techs) {
				if (tech == chosen || !tech.skills.contains(trade)) {
					continue;
				}
				if (sim.canWake(tech, now)) {
					if (sleeper == null || sim.travelMinutes(tech.position, job.request.site()) < sim
						.travelMinutes(sleeper.position, job.request.site())) {
						sleeper = tech;
					}
				}
				else if (sim.isOnShift(tech, now) && holdsNoUrgentWork(tech)) {
					free++;
				}
			}
			if (sleeper != null && free < wakeAhead) {
				sim.wakeUp(sleeper, now);
				// once up, they take what is waiting (an emergency queued behind a
				// colleague's included)
				sim.wake(this, sleeper, sleeper.readyAt);
				wokenAhead.add(String.format("%s: 值班%s提前叫醒，%s仅剩%d名空闲 on-call %s woken ahead: %d free for %s",
						job.request.id(), sleeper.name, trade, free, sleeper.name, free, trade));
			}
		}

		private static boolean holdsNoUrgentWork(Tech tech) {
			if (tech.current != null && tech.current.request.grade().compareTo(Grade.L2) <= 0) {
				return false;
			}
			return tech.queue.stream().noneMatch(q -> q.request.grade().compareTo(Grade.L2) <= 0);
		}

		@Override
		public void given(Simulation sim, Tech tech, Job job, double now) {
			if (replan && job.request.grade() == Grade.L1) {
				handOver(sim, tech, now);
			}
			if (standby != null && job.request.grade() == Grade.L1) {
				// the emergency's technician leaves a hole: free colleagues may move to
				// fill it
				for (Tech other : sim.techs) {
					if (other != tech && other.current == null && other.queue.isEmpty() && other.standbyAt == null
							&& sim.isOnShift(other, now)) {
						rest(sim, other, now);
					}
				}
			}
		}

		/**
		 * Look-ahead reservation: sends a technician with nothing to do to wait where
		 * they alone cover the most likely emergencies (sites weighted by their calls so
		 * far, trades by the emergencies so far), among the sites where a call of one of
		 * their trades came in.
		 */
		@Override
		public void rest(Simulation sim, Tech tech, double now) {
			if (standby == null || !sim.isOnShift(tech, now) || tech.readyAt > now) {
				return;
			}
			List<Standby.Place> places = new ArrayList<>();
			List<Standby.Place> destinations = new ArrayList<>();
			Simulation.sites(sim.scenario).forEach((id, point) -> {
				Standby.Place place = new Standby.Place(id, point, callsPerSite.getOrDefault(id, 0) + 1.0);
				places.add(place);
				Set<Category> trades = tradesPerSite.get(id);
				if (trades != null && trades.stream().anyMatch(tech.skills::contains)) {
					destinations.add(place);
				}
			});
			if (destinations.isEmpty()) {
				return;
			}
			List<Standby.Cover> others = new ArrayList<>();
			for (Tech other : sim.techs) {
				if (other != tech && sim.isOnShift(other, now)
						&& (other.current == null || other.current.request.grade().compareTo(Grade.L2) > 0)) {
					others.add(new Standby.Cover(other.id,
							other.current == null && other.standbyAt != null ? other.standbyAt : other.position,
							other.skills));
				}
			}
			Map<Category, Double> trades = new EnumMap<>(Category.class);
			for (Category trade : Category.values()) {
				trades.put(trade, emergencies.getOrDefault(trade, 0) + 0.5);
			}
			standby.advise(new Standby.Cover(tech.id, tech.position, tech.skills), destinations, places, others, trades)
				.ifPresent(move -> {
					standbyReasons.add(tech.name + ": " + move.reason());
					sim.standBy(tech, move.place().place(), now);
				});
		}

		/**
		 * Re-planning for an emergency: every job queued with its technician and not yet
		 * reached (one called off on the way included) moves at once to the nearest free
		 * colleague with the skill (on shift, nothing in hand), if there is one.
		 */
		private void handOver(Simulation sim, Tech holder, double now) {
			List<Job> movable = new ArrayList<>();
			for (Job queued : holder.queue) {
				if (queued.request.grade() != Grade.L1 && queued.arrivedAt == null
						&& queued.request.notBefore() <= now + LOOKAHEAD) {
					movable.add(queued);
				}
			}
			for (Job queued : movable) {
				Tech best = null;
				for (Tech other : sim.techs) {
					if (other != holder && other.openJobs() == 0 && other.skills.contains(queued.request.category())
							&& sim.isOnShift(other, now) && (best == null || sim.travelMinutes(other.position,
									queued.request.site()) < sim.travelMinutes(best.position, queued.request.site()))) {
						best = other;
					}
				}
				if (best == null) {
					continue;
				}
				holder.queue.remove(queued);
				sim.handOvers++;
				sim.give(this, best, queued, now, false);
			}
		}

		/**
		 * Among the proposals that still arrive within the limit with the recommender's
		 * margin, the one whose absence leaves the likely next emergencies best covered.
		 * Coverage is, over the sites and the trades (weighted by the emergencies seen so
		 * far per trade), whether another technician on shift and not on an emergency
		 * could still reach the site within the limit; each proposal is charged what
		 * taking that technician away loses, times {@code reserveMinutes}. Its reasons
		 * say what was reserved.
		 */
		private Proposal reserve(Simulation sim, Job job, double now, List<Proposal> ranked, Map<Long, Tech> byId) {
			double limit = sim.limits.get(Grade.L1);
			int seen = emergencies.values().stream().mapToInt(Integer::intValue).sum();
			List<Tech> free = sim.techs.stream()
				.filter(o -> sim.isOnShift(o, now) && (o.current == null || o.current.request.grade() != Grade.L1))
				.toList();
			Proposal best = ranked.get(0);
			double bestCost = Double.MAX_VALUE;
			Map<Long, Double> losses = new HashMap<>();
			for (Proposal p : ranked) {
				if (p != ranked.get(0) && p.etaMinutes() > limit - 10) {
					continue;
				}
				Tech tech = byId.get(p.technicianId());
				double loss = 0;
				for (Category trade : tech.skills) {
					double share = (emergencies.getOrDefault(trade, 0) + 0.1) / (seen + 1.0);
					for (org.suxiu.shared.GeoPoint site : sites(sim)) {
						boolean before = false;
						boolean after = false;
						for (Tech o : free) {
							if (o.skills.contains(trade)
									&& sim.overhead + sim.travelMinutes(o.position, site) <= limit - 5) {
								before = true;
								after |= o != tech;
								if (after) {
									break;
								}
							}
						}
						loss += before && !after ? share : 0;
					}
				}
				loss /= sites(sim).size();
				losses.put(p.technicianId(), loss);
				double cost = ((Number) p.reasons().get("cost")).doubleValue() + reserveMinutes * loss;
				if (cost < bestCost) {
					bestCost = cost;
					best = p;
				}
			}
			if (best != ranked.get(0)) {
				Proposal first = ranked.get(0);
				best.reasons()
					.put("reserved", String.format(
							"%s kept free for the next emergencies (they alone cover %.0f%% of likely emergencies; %s %.0f%%)",
							first.name(), 100 * losses.get(first.technicianId()), best.name(),
							100 * losses.get(best.technicianId())));
				explanations.add(job.request.id() + ": " + best.reasons().get("reserved"));
			}
			return best;
		}

		private List<org.suxiu.shared.GeoPoint> siteList;

		/** The estates' sites: where emergencies may come from. */
		private List<org.suxiu.shared.GeoPoint> sites(Simulation sim) {
			if (siteList == null) {
				siteList = List.copyOf(Simulation.sites(sim.scenario).values());
			}
			return siteList;
		}

		/**
		 * A technician who runs out of work takes the most pressing order that is
		 * waiting: one still in the dispatcher's queue, or one waiting behind another
		 * technician's current job (as a dispatcher re-dispatching from the live queue
		 * would). Orders that can still be on time come first, the nearest deadline
		 * first; then the late ones by grade and age.
		 */
		@Override
		public Optional<Job> idle(Simulation sim, Tech tech, double now) {
			Job best = null;
			Tech holder = null;
			for (Job waiting : sim.pending) {
				if (takes(sim, tech, waiting, now) && (best == null || morePressing(sim, tech, waiting, best, now))) {
					best = waiting;
				}
			}
			for (Tech other : sim.techs) {
				if (other == tech || (other.current == null && sim.isOnShift(other, now))) {
					continue;
				}
				for (Job waiting : other.queue) {
					if (takes(sim, tech, waiting, now)
							&& (best == null || morePressing(sim, tech, waiting, best, now))) {
						best = waiting;
						holder = other;
					}
				}
			}
			if (holder != null) {
				holder.queue.remove(best);
				sim.reassignments++;
				sim.pending.add(best);
			}
			return Optional.ofNullable(best);
		}

		private static boolean takes(Simulation sim, Tech tech, Job job, double now) {
			return tech.skills.contains(job.request.category()) && job.request.notBefore() <= now + LOOKAHEAD;
		}

		private static boolean morePressing(Simulation sim, Tech tech, Job a, Job b, double now) {
			double slackA = slack(sim, tech, a, now);
			double slackB = slack(sim, tech, b, now);

			if ((slackA >= 0) != (slackB >= 0)) {
				return slackA >= 0;
			}
			if (slackA >= 0) {
				return deadline(sim, a) < deadline(sim, b);
			}
			int byGrade = a.request.grade().compareTo(b.request.grade());
			return byGrade != 0 ? byGrade < 0 : a.request.at() < b.request.at();
		}

		private static double deadline(Simulation sim, Job job) {
			return job.request.at() + sim.limits.get(job.request.grade());
		}

		private static double slack(Simulation sim, Tech tech, Job job, double now) {
			return deadline(sim, job) - (now + sim.overhead + sim.travelMinutes(tech.position, job.request.site()));
		}

		private org.suxiu.dispatch.Job job(Tech tech, Job job, String status, double now) {
			Instant startedAt = status.equals("IN_PROGRESS")
					? at(now - (job.request.serviceMinutes() - Math.max(0, tech.currentEnds - now))) : null;
			return new org.suxiu.dispatch.Job(job.request.id(), tech.id, job.request.grade(), job.request.category(),
					status, job.request.site(), at(job.assignedAt), startedAt, null);
		}

		private Instant at(double minutes) {
			return start.plusSeconds((long) (minutes * 60));
		}

	}

}
