package org.suxiu.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;

/**
 * Ranks qualified technicians for one order by when each can be on site given what they
 * are doing now, the slack left on the order's promise and on the jobs it would delay,
 * workload balance and skill level. Pure: everything it needs is passed in.
 */
public final class Recommender {

	/** Minutes charged per job already in hand, so work spreads across the team. */
	static final double BALANCE_WEIGHT = 6;

	/**
	 * Extra minutes charged per minute of work ahead of the new job: how long other work
	 * takes is a guess, travel is not, so a free technician a little farther away is the
	 * safer promise.
	 */
	static final double UNCERTAINTY_WEIGHT = 0.5;

	/** Minutes charged per skill level below the top (5). */
	static final double SKILL_WEIGHT = 4;

	/** Minutes charged per minute the order would arrive after its promise. */
	static final double LATENESS_WEIGHT = 3;

	/** Minutes charged per other promise this assignment would break. */
	static final double DELAYED_PROMISE_WEIGHT = 45;

	/**
	 * Minutes charged when the technician would only get there after their shift ends.
	 */
	static final double AFTER_SHIFT_WEIGHT = 600;

	/** Minutes charged for interrupting a planned or general job. */
	static final double PREEMPTION_WEIGHT = 5;

	/**
	 * Wake an on-call technician ahead when fewer than this many colleagues with an
	 * emergency's trade are left free (the simulator's {@code suxiu}; chosen on set A
	 * from 1, 2, 3, 4: 3 reached 4 more storm-night emergencies than 2, the same on
	 * days).
	 */
	static final int WAKE_AHEAD_BELOW = 3;

	private final TravelTimes travel;

	private final Duration overhead;

	private final Duration unknownTravel;

	private final Duration onCallWakeUp;

	private final UrgentPreemption urgentPreemption;

	/** When an emergency may interrupt urgent (L2) work being done. */
	public enum UrgentPreemption {

		/** Never: only planned and general work yields. */
		NEVER,
		/**
		 * Only in a {@link Surge}: emergencies outnumber the free qualified technicians.
		 */
		IN_SURGE,
		/** Whenever it is cheaper (the rule before surge mode). */
		ALWAYS

	}

	public Recommender(TravelTimes travel, Duration overhead, Duration unknownTravel) {
		this(travel, overhead, unknownTravel, Duration.ZERO, UrgentPreemption.IN_SURGE);
	}

	/**
	 * @param onCallWakeUp how long an on-call technician needs from the call until they
	 * can set off, added to their ETA
	 * @param urgentPreemption when an L1 may interrupt an L2 being worked
	 */
	public Recommender(TravelTimes travel, Duration overhead, Duration unknownTravel, Duration onCallWakeUp,
			UrgentPreemption urgentPreemption) {
		this.travel = travel;
		this.overhead = overhead;
		this.unknownTravel = unknownTravel;
		this.onCallWakeUp = onCallWakeUp;
		this.urgentPreemption = urgentPreemption;
	}

	/**
	 * The order to place.
	 *
	 * @param number order number
	 * @param projectId project
	 * @param grade grade
	 * @param category repair type
	 * @param site where, if known
	 * @param arriveBy the promised arrival, if any
	 */
	public record Order(String number, long projectId, Grade grade, Category category, GeoPoint site,
			Instant arriveBy) {
	}

	public List<Proposal> rank(Order order, List<Technician> technicians, Map<Long, List<Job>> jobs, Instant now,
			ZoneId zone) {
		return assess(order, technicians, jobs, now, zone).proposals();
	}

	/**
	 * As {@link #rank}, and for every technician left out the reason: the first rule they
	 * fail, checked in the order of {@link NotProposed.Reason}. Only the order itself is
	 * counted as an open emergency.
	 */
	public Ranking assess(Order order, List<Technician> technicians, Map<Long, List<Job>> jobs, Instant now,
			ZoneId zone) {
		return assess(order, technicians, jobs, now, zone, order.grade() == Grade.L1 ? 1 : 0);
	}

	/**
	 * As {@link #assess(Order, List, Map, Instant, ZoneId)}, knowing how many emergencies
	 * of the order's project nobody has reached yet (the order included): when they
	 * outnumber the free qualified technicians ({@link #surge}) every proposal says so
	 * and an urgent job may be interrupted.
	 */
	public Ranking assess(Order order, List<Technician> technicians, Map<Long, List<Job>> jobs, Instant now,
			ZoneId zone, int openEmergencies) {
		return assess(order, technicians, jobs, counts(jobs), now, zone, openEmergencies);
	}

	/**
	 * As {@link #assess(Order, List, Map, Instant, ZoneId, int)} when only some jobs are
	 * read: {@code jobs} holds every job of each technician skilled in the order's trade
	 * who serves its project (the ones who could take it, or count in a surge), and
	 * {@code jobCounts} how many jobs every technician holds (none when absent).
	 */
	public Ranking assess(Order order, List<Technician> technicians, Map<Long, List<Job>> jobs,
			Map<Long, Integer> jobCounts, Instant now, ZoneId zone, int openEmergencies) {
		// on-call (值班) technicians take emergencies and urgent orders; only an L1 may
		// interrupt other work
		boolean urgent = order.grade() == Grade.L1 || order.grade() == Grade.L2;
		boolean emergency = order.grade() == Grade.L1;
		Surge surge = emergency ? surge(order, technicians, jobs, openEmergencies, now, zone) : null;
		boolean inSurge = surge != null && surge.active();
		boolean urgentYields = urgentPreemption == UrgentPreemption.ALWAYS
				|| (urgentPreemption == UrgentPreemption.IN_SURGE && inSurge);
		List<Technician> free = emergency ? freeToTakeOver(order, technicians, jobCounts, now, zone) : List.of();
		List<Candidate> candidates = new ArrayList<>();
		List<NotProposed> left = new ArrayList<>();
		for (Technician technician : technicians) {
			int level = technician.level(order.category());
			boolean regular = technician.onShift(now.atZone(zone), false);
			boolean onCall = !regular && technician.onShift(now.atZone(zone), urgent);
			List<Job> inHand = jobs.getOrDefault(technician.id(), List.of());
			NotProposed.Reason out = level == 0 ? NotProposed.Reason.NO_SKILL : !technician.serves(order.projectId())
					? NotProposed.Reason.OTHER_PROJECT
					: technician.status() == TechnicianStatus.LEAVE ? NotProposed.Reason.ON_LEAVE
							: !technician.isAvailable() ? NotProposed.Reason.OFF_DUTY
									: regular || onCall ? null : technician.onShift(now.atZone(zone), true)
											? NotProposed.Reason.ON_CALL_URGENT_ONLY : NotProposed.Reason.OFF_SHIFT;
			if (out != null) {
				left.add(notProposed(technician, out, level, jobCounts.getOrDefault(technician.id(), 0), now, zone));
				continue;
			}
			Instant shiftEnd = technician.shiftEnd(now.atZone(zone), urgent).toInstant();
			Candidate best = plan(order, technician, level, onCall, inHand, now, false, shiftEnd, urgentYields);
			if (emergency && inHand.stream().anyMatch(j -> j.isOnSite() && isPreemptible(j, urgentYields))) {
				Candidate preempting = plan(order, technician, level, onCall, inHand, now, true, shiftEnd,
						urgentYields);
				if (preempting.cost() < best.cost()) {
					best = preempting;
				}
			}
			if (inHand.size() >= technician.maxOpenJobs() && best.preempts() == null) {
				left.add(notProposed(technician, NotProposed.Reason.FULL, level, inHand.size(), now, zone));
				continue;
			}
			candidates.add(best);
		}
		candidates.sort(Comparator.comparingDouble(Candidate::cost).thenComparingLong(c -> c.technician().id()));
		List<Proposal> proposals = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			Candidate c = candidates.get(i);
			Map<String, Object> reasons = c.reasons();
			if (inSurge) {
				reasons.put("surge", surge.reason());
				reasons.put("summary", reasons.get("summary") + "；紧急高峰，缺" + surge.shortfall() + "人 surge: short by "
						+ surge.shortfall());
			}
			if (emergency && !c.delays().isEmpty()) {
				reasons.put("handOver", handOver(c, jobs, free));
			}
			if (i > 0) {
				reasons.put("whyNotFirst", whyNotFirst(c, candidates.get(0)));
			}
			else if (emergency) {
				Map<String, Object> wake = wakeAhead(order, c.technician(), technicians, jobs, now, zone);
				if (wake != null) {
					reasons.put("wakeAhead", wake);
					reasons.put("summary", reasons.get("summary") + "；建议提前叫醒值班" + wake.get("name") + " wake on-call "
							+ wake.get("name") + " ahead");
				}
			}
			double score = Math.round(1000 * 100 * Math.exp(-c.cost() / 60)) / 1000.0;
			proposals
				.add(new Proposal(c.technician().id(), c.technician().name(), score, c.eta().toMinutes(), reasons));
		}
		return new Ranking(proposals, left);
	}

	/** How many jobs each technician holds, from all their jobs. */
	static Map<Long, Integer> counts(Map<Long, List<Job>> jobs) {
		Map<Long, Integer> counts = new java.util.HashMap<>();
		jobs.forEach((technician, held) -> counts.put(technician, held.size()));
		return counts;
	}

	private static NotProposed notProposed(Technician technician, NotProposed.Reason reason, int level, int inHand,
			Instant now, ZoneId zone) {
		var next = reason == NotProposed.Reason.OFF_SHIFT ? technician.nextShiftStart(now.atZone(zone), true)
				: reason == NotProposed.Reason.ON_CALL_URGENT_ONLY ? technician.nextShiftStart(now.atZone(zone), false)
						: null;
		return new NotProposed(technician.id(), technician.name(), reason, level, inHand, technician.maxOpenJobs(),
				next == null ? null : next.toInstant());
	}

	/**
	 * How many emergencies of the order's project wait against how many technicians could
	 * go now: serving the project, available, on a regular shift (on-call ones are the
	 * reserve a surge wakes), skilled in the order's trade and holding no L1 or L2 job.
	 * @param openEmergencies L1 orders of the project nobody has reached yet, the order
	 * included
	 */
	public Surge surge(Order order, List<Technician> technicians, Map<Long, List<Job>> jobs, int openEmergencies,
			Instant now, ZoneId zone) {
		int free = 0;
		for (Technician technician : technicians) {
			if (technician.level(order.category()) > 0 && technician.serves(order.projectId())
					&& technician.status() != TechnicianStatus.LEAVE && technician.isAvailable()
					&& technician.onShift(now.atZone(zone), false)
					&& jobs.getOrDefault(technician.id(), List.of())
						.stream()
						.noneMatch(j -> j.grade() == Grade.L1 || j.grade() == Grade.L2)) {
				free++;
			}
		}
		return new Surge(order.projectId(), openEmergencies, free);
	}

	/**
	 * Look-ahead wake-up for an emergency: when, once {@code chosen} takes it, fewer than
	 * {@link #WAKE_AHEAD_BELOW} technicians with its trade are left free (on a regular
	 * shift, holding no L1 or L2), the nearest on-call (值班) technician with the trade who
	 * holds nothing is named to be woken now, so the next emergency of the trade does not
	 * wait for the wake-up as well as the trip; {@code null} otherwise.
	 */
	private Map<String, Object> wakeAhead(Order order, Technician chosen, List<Technician> technicians,
			Map<Long, List<Job>> jobs, Instant now, ZoneId zone) {
		int free = 0;
		Technician sleeper = null;
		Duration nearest = null;
		for (Technician technician : technicians) {
			if (technician.id() == chosen.id() || technician.level(order.category()) == 0
					|| !technician.serves(order.projectId()) || technician.status() == TechnicianStatus.LEAVE
					|| !technician.isAvailable()) {
				continue;
			}
			List<Job> held = jobs.getOrDefault(technician.id(), List.of());
			boolean regular = technician.onShift(now.atZone(zone), false);
			if (regular) {
				free += held.stream().noneMatch(j -> j.grade() == Grade.L1 || j.grade() == Grade.L2) ? 1 : 0;
			}
			else if (held.isEmpty() && technician.onShift(now.atZone(zone), true)) {
				Duration trip = trip(technician.position(), order.site());
				if (nearest == null || trip.compareTo(nearest) < 0) {
					nearest = trip;
					sleeper = technician;
				}
			}
		}
		if (sleeper == null || free >= WAKE_AHEAD_BELOW) {
			return null;
		}
		Map<String, Object> wake = new LinkedHashMap<>();
		wake.put("technicianId", sleeper.id());
		wake.put("name", sleeper.name());
		wake.put("freeLeft", free);
		wake.put("reason", "派出后该工种仅剩" + free + "名空闲技工，提前叫醒值班" + sleeper.name() + " only " + free
				+ " free with the trade once this is sent: wake on-call " + sleeper.name() + " now");
		return wake;
	}

	/**
	 * Technicians serving the order's project on a regular shift with nothing in hand.
	 */
	private static List<Technician> freeToTakeOver(Order order, List<Technician> technicians,
			Map<Long, Integer> jobCounts, Instant now, ZoneId zone) {
		List<Technician> free = new ArrayList<>();
		for (Technician technician : technicians) {
			if (technician.serves(order.projectId()) && technician.isAvailable()
					&& jobCounts.getOrDefault(technician.id(), 0) == 0 && technician.onShift(now.atZone(zone), false)) {
				free.add(technician);
			}
		}
		return free;
	}

	/**
	 * Re-planning for an emergency: the queued, not yet started jobs the candidate would
	 * put off, each with the nearest technician on a regular shift with nothing in hand
	 * who has its skill and could take it instead (one job each), or nobody.
	 */
	private List<Map<String, Object>> handOver(Candidate candidate, Map<Long, List<Job>> jobs, List<Technician> free) {
		List<Map<String, Object>> moves = new ArrayList<>();
		java.util.Set<Long> used = new java.util.HashSet<>();
		for (Job job : jobs.getOrDefault(candidate.technician().id(), List.of())) {
			if (!candidate.delays().contains(job.number())) {
				continue;
			}
			Technician best = null;
			Duration nearest = null;
			for (Technician other : free) {
				if (other.id() == candidate.technician().id() || used.contains(other.id())
						|| other.level(job.category()) == 0) {
					continue;
				}
				Duration trip = trip(other.position(), job.site());
				if (nearest == null || trip.compareTo(nearest) < 0) {
					nearest = trip;
					best = other;
				}
			}
			Map<String, Object> move = new LinkedHashMap<>();
			move.put("order", job.number());
			move.put("technicianId", best == null ? null : best.id());
			move.put("name", best == null ? null : best.name());
			move.put("etaMinutes", best == null ? null : overhead.plus(nearest).toMinutes());
			if (best != null) {
				used.add(best.id());
			}
			moves.add(move);
		}
		return moves;
	}

	private Candidate plan(Order order, Technician technician, int level, boolean onCall, List<Job> inHand, Instant now,
			boolean preempt, Instant shiftEnd, boolean urgentYields) {
		Duration busy = Duration.ZERO;
		GeoPoint from = technician.position();
		String preempts = null;
		boolean preemptsUrgent = false;
		for (Job job : inHand) {
			if (job.isOnSite()) {
				from = job.site() != null ? job.site() : from;
				if (preempt && isPreemptible(job, urgentYields)) {
					preempts = job.number();
					preemptsUrgent = job.grade() == Grade.L2;
				}
				else {
					busy = busy.plus(remaining(job, now));
				}
			}
		}
		List<String> delays = new ArrayList<>();
		for (Job job : inHand) {
			if (!job.isWaiting()) {
				continue;
			}
			boolean jumpsAhead = order.grade().isMoreUrgentThan(job.grade());
			if (jumpsAhead) {
				delays.add(job.number());
			}
			else {
				busy = busy.plus(trip(from, job.site())).plus(service(job.category()));
				from = job.site() != null ? job.site() : from;
			}
		}
		Duration trip = trip(from, order.site());
		Duration wakeUp = onCall && inHand.isEmpty() ? onCallWakeUp : Duration.ZERO;
		Duration eta = overhead.plus(wakeUp).plus(busy).plus(trip);
		Instant arrival = now.plus(eta);
		Long slack = order.arriveBy() == null ? null : Duration.between(arrival, order.arriveBy()).toMinutes();
		Duration thisJob = trip.plus(service(order.category()));
		long brokenPromises = inHand.stream()
			.filter(j -> delays.contains(j.number()) && j.arriveBy() != null)
			.filter(j -> now.plus(eta).plus(thisJob).isAfter(j.arriveBy()))
			.count();
		double cost = eta.toSeconds() / 60.0 + UNCERTAINTY_WEIGHT * busy.toSeconds() / 60.0
				+ BALANCE_WEIGHT * inHand.size() + SKILL_WEIGHT * (5 - level)
				+ (slack != null && slack < margin(order.grade()) ? LATENESS_WEIGHT * (margin(order.grade()) - slack)
						: 0)
				+ DELAYED_PROMISE_WEIGHT * brokenPromises
				+ (preempts != null ? PREEMPTION_WEIGHT * (preemptsUrgent ? 2 : 1) : 0) + (onCall ? 5 : 0)
				+ (arrival.isAfter(shiftEnd) ? AFTER_SHIFT_WEIGHT : 0);
		Map<String, Object> reasons = new LinkedHashMap<>();
		reasons.put("etaMinutes", eta.toMinutes());
		reasons.put("travelMinutes", trip.toMinutes());
		reasons.put("distanceKm", from == null || order.site() == null ? null
				: Math.round(from.kilometresTo(order.site()) * 100) / 100.0);
		reasons.put("positionKnown", from != null);
		reasons.put("jobsInHand", inHand.size());
		reasons.put("busyMinutes", busy.toMinutes());
		reasons.put("skillLevel", level);
		reasons.put("shift", onCall ? "ON_CALL" : "REGULAR");
		if (!wakeUp.isZero() && !wakeUp.isNegative()) {
			reasons.put("wakeUpMinutes", wakeUp.toMinutes());
		}
		reasons.put("slackMinutes", slack);
		reasons.put("preempts", preempts);
		reasons.put("delays", delays);
		reasons.put("brokenPromises", brokenPromises);
		reasons.put("afterShiftEnd", arrival.isAfter(shiftEnd));
		reasons.put("cost", Math.round(cost * 10) / 10.0);
		reasons.put("summary", summary(eta, trip, inHand.size(), level, slack, preempts));
		return new Candidate(technician, eta, cost, preempts, delays, reasons);
	}

	/**
	 * Slack an urgent promise should keep: estimates of other work are rough, and missing
	 * an L1's 30 minutes costs more than a detour.
	 */
	private static long margin(Grade grade) {
		return switch (grade) {
			case L1 -> 10;
			case L2 -> 15;
			default -> 0;
		};
	}

	private Duration trip(GeoPoint from, GeoPoint to) {
		return from == null || to == null ? unknownTravel : travel.between(from, to);
	}

	/**
	 * What is left of a job being worked: its expected service time less the time already
	 * spent.
	 */
	private static Duration remaining(Job job, Instant now) {
		Duration spent = job.startedAt() == null ? Duration.ZERO : Duration.between(job.startedAt(), now);
		Duration left = service(job.category()).minus(spent);
		return left.compareTo(Duration.ofMinutes(5)) < 0 ? Duration.ofMinutes(5) : left;
	}

	public static Duration service(Category category) {
		return switch (category) {
			case ELEVATOR -> Duration.ofMinutes(40);
			case GAS, FIRE -> Duration.ofMinutes(30);
			case WALL_CEILING -> Duration.ofMinutes(60);
			default -> Duration.ofMinutes(45);
		};
	}

	/**
	 * An emergency may interrupt any less urgent job being worked: planned and general
	 * work always; an urgent (L2) job only when {@code urgentYields} (in a surge), and it
	 * costs twice as much to interrupt, so it is chosen only when nobody else gets there
	 * in time.
	 */
	static boolean isPreemptible(Job job, boolean urgentYields) {
		return job.grade() != Grade.L1 && (job.grade() != Grade.L2 || urgentYields);
	}

	private static String summary(Duration eta, Duration trip, int jobs, int level, Long slack, String preempts) {
		StringBuilder text = new StringBuilder();
		text.append("预计").append(eta.toMinutes()).append("分钟到场 ETA ").append(eta.toMinutes()).append(" min");
		text.append("；路程 travel ").append(trip.toMinutes()).append(" min");
		text.append("；在手 jobs ").append(jobs);
		text.append("；技能 skill ").append(level);
		if (slack != null) {
			text.append(slack >= 0 ? "；余量 slack " + slack + " min" : "；将超时 late by " + -slack + " min");
		}
		if (preempts != null) {
			text.append("；中断 pre-empts ").append(preempts);
		}
		return text.toString();
	}

	private static String whyNotFirst(Candidate candidate, Candidate first) {
		List<String> why = new ArrayList<>();
		long later = candidate.eta().toMinutes() - first.eta().toMinutes();
		if (later > 0) {
			why.add("晚到 arrives " + later + " min later");
		}
		int moreJobs = (int) candidate.reasons().get("jobsInHand") - (int) first.reasons().get("jobsInHand");
		if (moreJobs > 0) {
			why.add("多 " + moreJobs + " 个在手工单 more jobs in hand");
		}
		int lowerSkill = (int) first.reasons().get("skillLevel") - (int) candidate.reasons().get("skillLevel");
		if (lowerSkill > 0) {
			why.add("技能低 skill " + lowerSkill + " lower");
		}
		if (Boolean.TRUE.equals(candidate.reasons().get("afterShiftEnd"))) {
			why.add("下班前到不了 cannot get there before the shift ends");
		}
		if ((long) candidate.reasons().get("brokenPromises") > 0) {
			why.add("会耽误其他工单 would make other jobs late");
		}
		if (candidate.preempts() != null) {
			why.add("需中断 " + candidate.preempts());
		}
		if ("ON_CALL".equals(candidate.reasons().get("shift"))) {
			why.add("值班 on call");
		}
		return why.isEmpty() ? "综合得分略低 slightly lower overall" : String.join("；", why);
	}

	private record Candidate(Technician technician, Duration eta, double cost, String preempts, List<String> delays,
			Map<String, Object> reasons) {
	}

	/**
	 * What is left of work in progress: the expected service time less the time spent. A
	 * job that has run over is assumed to need as long again as it has overrun (repairs
	 * that overrun tend to be the long ones), never less than five minutes.
	 */
	public static Duration remaining(Category category, Duration spent) {
		Duration expected = service(category);
		Duration left = expected.minus(spent);
		Duration overrun = spent.minus(expected);
		Duration longer = left.compareTo(overrun) >= 0 ? left : overrun;
		return longer.compareTo(Duration.ofMinutes(5)) < 0 ? Duration.ofMinutes(5) : longer;
	}

}
