package org.suxiu.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code suxiu_*} gauges an IT team alerts on, read from one snapshot of a few
 * indexed counting queries that is at most {@code maxAge} old: a scrape every 15 s from
 * two Prometheus servers costs the database one snapshot, never a scan per request. These
 * are the only queries outside a module that read its tables, read-only and for
 * monitoring alone, so that no module grows a meter API.
 */
class BusinessGauges implements MeterBinder {

	static final List<String> GRADES = List.of("L1", "L2", "L3", "L4");

	static final List<String> OPEN_STATUSES = List.of("NEW", "DISPATCHED", "TAKEN", "ARRIVED", "IN_PROGRESS",
			"ON_HOLD");

	static final List<String> CHANNELS = List.of("SMS", "EMAIL", "APP", "WECHAT");

	private static final Logger log = LoggerFactory.getLogger(BusinessGauges.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration maxAge;

	private volatile Snapshot snapshot;

	BusinessGauges(JdbcClient jdbc, Clock clock, Duration maxAge) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxAge = maxAge;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String grade : GRADES) {
			for (String status : OPEN_STATUSES) {
				gauge(registry, "suxiu.orders.open", "Orders not yet completed or cancelled",
						s -> s.open().getOrDefault(grade + "/" + status, 0L), "grade", grade, "status", status);
			}
		}
		gauge(registry, "suxiu.orders.l1.untaken", "L1 (emergency) orders no technician has taken yet",
				Snapshot::l1Untaken);
		gauge(registry, "suxiu.orders.l1.untaken.oldest.age.seconds",
				"Age of the oldest L1 order not yet taken, 0 when there is none", Snapshot::l1OldestAgeSeconds);
		for (String channel : CHANNELS) {
			gauge(registry, "suxiu.notification.backlog", "Messages waiting to be sent",
					s -> s.backlog().getOrDefault(channel, 0L), "channel", channel);
		}
		gauge(registry, "suxiu.timer.lag.seconds", "How late the most overdue SLA timer is, 0 when none is due",
				Snapshot::timerLagSeconds);
		gauge(registry, "suxiu.sla.breached.open", "Open orders with at least one breached SLA clock",
				Snapshot::breachedOpen);
		FunctionCounter.builder("suxiu.sla.warnings", this, g -> g.current().warnings())
			.description("SLA warnings fired")
			.register(registry);
		FunctionCounter.builder("suxiu.sla.breaches", this, g -> g.current().breaches())
			.description("SLA breaches fired")
			.register(registry);
	}

	private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value,
			String... tags) {
		Gauge.builder(name, this, g -> value.applyAsDouble(g.current()))
			.description(description)
			.tags(tags)
			.strongReference(true)
			.register(registry);
	}

	Snapshot current() {
		Snapshot last = snapshot;
		Instant now = clock.instant();
		if (last == null || !last.takenAt().plus(maxAge).isAfter(now)) {
			synchronized (this) {
				last = snapshot;
				if (last == null || !last.takenAt().plus(maxAge).isAfter(now)) {
					last = takeOrKeep(last, now);
					snapshot = last;
				}
			}
		}
		return last;
	}

	/** With the database away the last values stay (and the health check says why). */
	private Snapshot takeOrKeep(Snapshot last, Instant now) {
		try {
			return take(now);
		}
		catch (RuntimeException ex) {
			log.warn("Business gauges not read: {}", ex.toString());
			return last == null ? new Snapshot(now, Map.of(), 0, 0, Map.of(), 0, 0, 0, 0)
					: new Snapshot(now, last.open(), last.l1Untaken(), last.l1OldestAgeSeconds(), last.backlog(),
							last.timerLagSeconds(), last.warnings(), last.breaches(), last.breachedOpen());
		}
	}

	private Snapshot take(Instant now) {
		Map<String, Long> open = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT grade, status, count(*) AS n FROM work_order
				WHERE status IN ('NEW', 'DISPATCHED', 'TAKEN', 'ARRIVED', 'IN_PROGRESS', 'ON_HOLD')
				GROUP BY grade, status""")
			.query((rs, i) -> open.put(rs.getString("grade") + "/" + rs.getString("status"), rs.getLong("n")))
			.list();
		record Untaken(long count, Instant oldest) {
		}
		Untaken untaken = jdbc.sql("""
				SELECT count(*) AS n, min(created_at) AS oldest FROM work_order
				WHERE grade = 'L1' AND status IN ('NEW', 'DISPATCHED')""")
			.query((rs, i) -> new Untaken(rs.getLong("n"),
					rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
			.single();
		Map<String, Long> backlog = new java.util.HashMap<>();
		jdbc.sql("SELECT channel, count(*) AS n FROM notification_message WHERE status = 'PENDING' GROUP BY channel")
			.query((rs, i) -> backlog.put(rs.getString("channel"), rs.getLong("n")))
			.list();
		List<Instant> overdue = jdbc.sql("SELECT min(due_at) FROM sla_timer WHERE status = 'PENDING' AND due_at <= ?")
			.param(java.sql.Timestamp.from(now))
			.query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.list();
		Map<String, Long> fired = new java.util.HashMap<>();
		jdbc.sql("SELECT kind, count(*) AS n FROM sla_timer WHERE status = 'FIRED' GROUP BY kind")
			.query((rs, i) -> fired.put(rs.getString("kind"), rs.getLong("n")))
			.list();
		long breachedOpen = jdbc.sql("""
				SELECT count(DISTINCT c.order_number) FROM sla_clock c JOIN work_order o ON o.number = c.order_number
				WHERE c.breached_at IS NOT NULL
				AND o.status IN ('NEW', 'DISPATCHED', 'TAKEN', 'ARRIVED', 'IN_PROGRESS', 'ON_HOLD')""")
			.query(Long.class)
			.single();
		return new Snapshot(now, Map.copyOf(open), untaken.count(), seconds(untaken.oldest(), now), Map.copyOf(backlog),
				seconds(overdue.get(0), now), fired.getOrDefault("WARNING", 0L), fired.getOrDefault("BREACH", 0L),
				breachedOpen);
	}

	private static double seconds(Instant since, Instant now) {
		return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
	}

	record Snapshot(Instant takenAt, Map<String, Long> open, long l1Untaken, double l1OldestAgeSeconds,
			Map<String, Long> backlog, double timerLagSeconds, long warnings, long breaches, long breachedOpen) {
	}

}
