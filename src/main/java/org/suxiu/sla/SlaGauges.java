package org.suxiu.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suxiu.shared.CachedReading;

/**
 * The SLA meters, counted from this module's timers and clocks: timer lag, warnings and
 * breaches fired, and open orders (their complete clock neither met nor cancelled) with a
 * breached clock.
 */
@Component
class SlaGauges implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CachedReading<Counts> counts;

	SlaGauges(JdbcClient jdbc, Clock clock, @Value("${suxiu.metrics.cache:PT5S}") Duration maxAge) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.counts = new CachedReading<>(this::read, new Counts(null, 0, 0, 0), maxAge, clock);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge
			.builder("suxiu.timer.lag.seconds", counts,
					c -> CachedReading.secondsSince(c.get().oldestDue(), clock.instant()))
			.description("How late the most overdue SLA timer is, 0 when none is due")
			.register(registry);
		Gauge.builder("suxiu.sla.breached.open", counts, c -> c.get().breachedOpen())
			.description("Open orders with at least one breached SLA clock")
			.register(registry);
		FunctionCounter.builder("suxiu.sla.warnings", counts, c -> c.get().warnings())
			.description("SLA warnings fired")
			.register(registry);
		FunctionCounter.builder("suxiu.sla.breaches", counts, c -> c.get().breaches())
			.description("SLA breaches fired")
			.register(registry);
	}

	private Counts read() {
		Instant now = clock.instant();
		List<Instant> overdue = jdbc.sql("SELECT min(due_at) FROM sla_timer WHERE status = 'PENDING' AND due_at <= ?")
			.param(Timestamp.from(now))
			.query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.list();
		Map<String, Long> fired = new HashMap<>();
		jdbc.sql("SELECT kind, count(*) AS n FROM sla_timer WHERE status = 'FIRED' GROUP BY kind")
			.query((rs, i) -> fired.put(rs.getString("kind"), rs.getLong("n")))
			.list();
		long breachedOpen = jdbc.sql("""
				SELECT count(DISTINCT b.order_number) FROM sla_clock b JOIN sla_clock c
				ON c.order_number = b.order_number AND c.clock = 'complete'
				WHERE b.breached_at IS NOT NULL AND c.met_at IS NULL AND c.state <> 'CANCELLED'""")
			.query(Long.class)
			.single();
		return new Counts(overdue.get(0), fired.getOrDefault("WARNING", 0L), fired.getOrDefault("BREACH", 0L),
				breachedOpen);
	}

	record Counts(Instant oldestDue, long warnings, long breaches, long breachedOpen) {
	}

}
