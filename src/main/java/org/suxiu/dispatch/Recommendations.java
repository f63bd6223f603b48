package org.suxiu.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.OrderFacts;

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

	Recommendations(TechnicianDirectory technicians, PropertyDirectory property, Clock clock,
			SuxiuProperties properties, MeterRegistry meters, @Value("${suxiu.dispatch.speed-kmh:20}") double speedKmh,
			@Value("${suxiu.dispatch.detour:1.3}") double detour,
			@Value("${suxiu.dispatch.overhead:PT2M}") Duration overhead) {
		this.technicians = technicians;
		this.property = property;
		this.clock = clock;
		this.properties = properties;
		this.recommender = new Recommender(new TravelTimes.StraightLine(speedKmh, detour, Duration.ofMinutes(2)),
				overhead, Duration.ofMinutes(15));
		this.latency = Timer.builder("suxiu.recommendation")
			.description("Time to rank the technicians for one order")
			.publishPercentileHistogram()
			.register(meters);
	}

	@Transactional(readOnly = true)
	List<Proposal> rank(OrderFacts order) {
		return latency.record(() -> assess(order).proposals());
	}

	/** The proposals and, for everyone else, why not. */
	@Transactional(readOnly = true)
	Ranking assess(OrderFacts order) {
		GeoPoint site = property.position(order.projectId(), order.building(), order.area()).orElse(null);
		Map<Long, List<Job>> jobs = technicians.jobs(order.tenantId())
			.stream()
			.filter(j -> !j.number().equals(order.number()))
			.collect(Collectors.groupingBy(Job::technicianId));
		return recommender.assess(
				new Recommender.Order(order.number(), order.projectId(), order.grade(), order.category(), site,
						order.arriveBy()),
				technicians.technicians(order.tenantId()), jobs, clock.instant(), properties.zone());
	}

}
