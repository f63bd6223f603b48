package org.suxiu.workorder.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suxiu.shared.CachedReading;

/**
 * The order gauges an IT team alerts on ({@code suxiu_orders_*}), counted from this
 * module's own table: open orders by grade and status, emergencies nobody has taken and
 * the age of the oldest.
 */
@Component
class OrderGauges implements MeterBinder {

	static final List<String> GRADES = List.of("L1", "L2", "L3", "L4");

	static final List<String> OPEN_STATUSES = List.of("NEW", "DISPATCHED", "TAKEN", "ARRIVED", "IN_PROGRESS",
			"ON_HOLD");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CachedReading<Counts> counts;

	OrderGauges(JdbcClient jdbc, Clock clock, @Value("${suxiu.metrics.cache:PT5S}") Duration maxAge) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.counts = new CachedReading<>(this::read, new Counts(Map.of(), 0, null), maxAge, clock);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String grade : GRADES) {
			for (String status : OPEN_STATUSES) {
				Gauge.builder("suxiu.orders.open", counts, c -> c.get().open().getOrDefault(grade + "/" + status, 0L))
					.description("Orders not yet completed or cancelled")
					.tags("grade", grade, "status", status)
					.register(registry);
			}
		}
		Gauge.builder("suxiu.orders.l1.untaken", counts, c -> c.get().l1Untaken())
			.description("L1 (emergency) orders no technician has taken yet")
			.register(registry);
		Gauge
			.builder("suxiu.orders.l1.untaken.oldest.age.seconds", counts,
					c -> CachedReading.secondsSince(c.get().l1Oldest(), clock.instant()))
			.description("Age of the oldest L1 order not yet taken, 0 when there is none")
			.register(registry);
	}

	private Counts read() {
		Map<String, Long> open = new HashMap<>();
		jdbc.sql("""
				SELECT grade, status, count(*) AS n FROM work_order
				WHERE status IN ('NEW', 'DISPATCHED', 'TAKEN', 'ARRIVED', 'IN_PROGRESS', 'ON_HOLD')
				GROUP BY grade, status""")
			.query((rs, i) -> open.put(rs.getString("grade") + "/" + rs.getString("status"), rs.getLong("n")))
			.list();
		return jdbc.sql("""
				SELECT count(*) AS n, min(created_at) AS oldest FROM work_order
				WHERE grade = 'L1' AND status IN ('NEW', 'DISPATCHED')""")
			.query((rs, i) -> new Counts(Map.copyOf(open), rs.getLong("n"),
					rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
			.single();
	}

	record Counts(Map<String, Long> open, long l1Untaken, Instant l1Oldest) {
	}

}
