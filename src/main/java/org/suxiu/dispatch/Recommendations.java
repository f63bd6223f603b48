package org.suxiu.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.WorkOrders;

/**
 * Gathers what the {@link Recommender} needs for one order and ranks the tenant's
 * technicians.
 */
@Service
class Recommendations {

	/** How long ranking the technicians for one order takes. */
	private final Timer latency;

	private final TechnicianDirectory technicians;

	private final PropertyDirectory property;

	private final Recommender recommender;

	private final Clock clock;

	private final SuxiuProperties properties;

	private final WorkOrders orders;

	private final SurgeAlerts alerts;

	Recommendations(TechnicianDirectory technicians, PropertyDirectory property, WorkOrders orders, SurgeAlerts alerts,
			Clock clock, SuxiuProperties properties, MeterRegistry meters,
			@Value("${suxiu.dispatch.speed-kmh:20}") double speedKmh,
			@Value("${suxiu.dispatch.detour:1.3}") double detour,
			@Value("${suxiu.dispatch.overhead:PT2M}") Duration overhead,
			@Value("${suxiu.dispatch.on-call-wake-up:PT0M}") Duration onCallWakeUp) {
		this.technicians = technicians;
		this.property = property;
		this.orders = orders;
		this.alerts = alerts;
		this.clock = clock;
		this.properties = properties;
		this.recommender = new Recommender(new TravelTimes.StraightLine(speedKmh, detour, Duration.ofMinutes(2)),
				overhead, Duration.ofMinutes(15), onCallWakeUp, Recommender.UrgentPreemption.IN_SURGE);
		this.latency = Timer.builder("suxiu.recommendation")
			.description("Time to rank the technicians for one order")
			.publishPercentileHistogram()
			.register(meters);
	}

	@Transactional(readOnly = true)
	List<Proposal> rank(OrderFacts order) {
		return latency.record(() -> assess(order).proposals());
	}

	/**
	 * The proposals and, for everyone else, why not. For an emergency in a surge the
	 * supervisor is alerted (at most once per project per interval).
	 */
	@Transactional(readOnly = true)
	Ranking assess(OrderFacts order) {
		Board board = board(order);
		Ranking ranking = recommender.assess(board.placing(), board.roster(), board.jobs(), board.jobCounts(),
				board.now(), properties.zone(), board.openEmergencies());
		if (order.grade() == Grade.L1) {
			Surge surge = recommender.surge(board.placing(), board.roster(), board.jobs(), board.openEmergencies(),
					board.now(), properties.zone());
			if (surge.active()) {
				alerts.raise(order, surge, board.now());
			}
		}
		return ranking;
	}

	/**
	 * Whether the emergency's project is in a surge now, as its recommendation would say
	 * (no alert is raised).
	 */
	@Transactional(readOnly = true)
	Surge surge(OrderFacts emergency) {
		Board board = board(emergency);
		return recommender.surge(board.placing(), board.roster(), board.jobs(), board.openEmergencies(), board.now(),
				properties.zone());
	}

	/**
	 * What one decision reads: the site, the roster, the jobs in hand of the technicians
	 * who could take the order (skilled in its trade, serving its project) and how many
	 * everyone else holds; the order's own job left out.
	 */
	private Board board(OrderFacts order) {
		GeoPoint site = property.position(order.projectId(), order.building(), order.area()).orElse(null);
		List<Technician> roster = technicians.technicians(order.tenantId());
		List<Long> able = roster.stream()
			.filter(t -> t.level(order.category()) > 0 && t.serves(order.projectId()))
			.map(Technician::id)
			.toList();
		Map<Long, List<Job>> jobs = technicians.jobsOf(able, order.number())
			.stream()
			.collect(Collectors.groupingBy(Job::technicianId));
		Map<Long, Integer> counts = technicians.jobCounts(order.tenantId(), order.number());
		Recommender.Order placing = new Recommender.Order(order.number(), order.projectId(), order.grade(),
				order.category(), site, order.arriveBy());
		int open = order.grade() == Grade.L1 ? openEmergencies(order) : 0;
		return new Board(placing, roster, jobs, counts, open, clock.instant());
	}

	private record Board(Recommender.Order placing, List<Technician> roster, Map<Long, List<Job>> jobs,
			Map<Long, Integer> jobCounts, int openEmergencies, Instant now) {
	}

	/**
	 * The project's emergencies nobody has reached yet: waiting for a technician, or
	 * dispatched or taken; the order itself included.
	 */
	private int openEmergencies(OrderFacts order) {
		Set<String> open = new HashSet<>(technicians.emergenciesOnTheWay(order.projectId()));
		open.add(order.number());
		// the waiting ones counted, not sent: the same union, without their numbers
		return open.size() + orders.waitingEmergencies(order.projectId(), open);
	}

}
