package org.suxiu.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.shared.Grade;
import org.suxiu.shared.TransactionScoped;
import org.suxiu.workorder.SlaSnapshot;

/**
 * The {@code sla_clock} and {@code sla_timer} rows of orders.
 */
@Repository
class ClockStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	ClockStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * A stored clock.
	 *
	 * @param number order number
	 * @param name which clock
	 * @param tenantId property company
	 * @param projectId project
	 * @param grade grade it was planned for
	 * @param working whether it counts working time
	 * @param start when it started
	 * @param limit its limit in its own time
	 * @param paused clock time spent paused so far
	 * @param pausedAt when the current pause began, or {@code null}
	 * @param deadline when it is due
	 * @param metAt when the milestone was reached
	 * @param breachedAt when the breach was recorded
	 * @param state RUNNING, PAUSED, MET, BREACHED or CANCELLED
	 */
	record StoredClock(String number, ClockName name, long tenantId, long projectId, Grade grade, boolean working,
			Instant start, Duration limit, Duration paused, Instant pausedAt, Instant deadline, Instant metAt,
			Instant breachedAt, String state) {

		ClockPlan.Planned planned() {
			return new ClockPlan.Planned(name, working, start, limit);
		}

		SlaSnapshot snapshot() {
			return new SlaSnapshot(name.key(), start, deadline, metAt, state);
		}

	}

	/**
	 * Stores the clocks in one JDBC batch: one round trip for an order's three clocks.
	 */
	void upsertAll(List<StoredClock> clocks) {
		if (clocks.isEmpty()) {
			return;
		}
		clocks.forEach(clock -> fresh.forget(clock.number()));
		jdbcTemplate.batchUpdate(UPSERT, clocks.stream().map(ClockStore::row).toList());
	}

	void upsert(StoredClock clock) {
		fresh.forget(clock.number());
		jdbcTemplate.update(UPSERT, row(clock));
	}

	/**
	 * The clocks and timers of a new order in one statement, remembered until the
	 * transaction ends: whoever asks for its clocks within it is answered without a read.
	 */
	void startFresh(String number, List<StoredClock> clocks, List<Timer> timers) {
		if (clocks.isEmpty() && timers.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						WITH c AS (
						    INSERT INTO sla_clock (order_number, clock, tenant_id, project_id, grade, mode, started_at,
						        limit_seconds, paused_seconds, paused_at, deadline, met_at, breached_at, state)
						    SELECT c.number, c.clock, CAST(c.tenant AS BIGINT), CAST(c.project AS BIGINT), c.grade, c.mode,
						        CAST(c.started AS TIMESTAMPTZ), CAST(c.limit_s AS BIGINT), CAST(c.paused_s AS BIGINT),
						        CAST(c.paused_at AS TIMESTAMPTZ), CAST(c.deadline AS TIMESTAMPTZ), CAST(c.met AS TIMESTAMPTZ),
						        CAST(c.breached AS TIMESTAMPTZ), c.state
						    FROM unnest(CAST(:c1 AS TEXT[]), CAST(:c2 AS TEXT[]), CAST(:c3 AS TEXT[]), CAST(:c4 AS TEXT[]),
						        CAST(:c5 AS TEXT[]), CAST(:c6 AS TEXT[]), CAST(:c7 AS TEXT[]), CAST(:c8 AS TEXT[]),
						        CAST(:c9 AS TEXT[]), CAST(:c10 AS TEXT[]), CAST(:c11 AS TEXT[]), CAST(:c12 AS TEXT[]),
						        CAST(:c13 AS TEXT[]), CAST(:c14 AS TEXT[]))
						        AS c(number, clock, tenant, project, grade, mode, started, limit_s, paused_s, paused_at, deadline,
						             met, breached, state)
						    ON CONFLICT (order_number, clock) DO UPDATE SET grade = EXCLUDED.grade, mode = EXCLUDED.mode,
						        started_at = EXCLUDED.started_at, limit_seconds = EXCLUDED.limit_seconds,
						        paused_seconds = EXCLUDED.paused_seconds, paused_at = EXCLUDED.paused_at,
						        deadline = EXCLUDED.deadline, met_at = EXCLUDED.met_at, breached_at = EXCLUDED.breached_at,
						        state = EXCLUDED.state)
						INSERT INTO sla_timer (order_number, clock, kind, fraction, role, due_at, status)
						SELECT t.number, t.clock, t.kind, CAST(t.fraction AS DOUBLE PRECISION), t.role,
						    CAST(t.due AS TIMESTAMPTZ), 'PENDING'
						FROM unnest(CAST(:t1 AS TEXT[]), CAST(:t2 AS TEXT[]), CAST(:t3 AS TEXT[]), CAST(:t4 AS TEXT[]),
						    CAST(:t5 AS TEXT[]), CAST(:t6 AS TEXT[])) AS t(number, clock, kind, fraction, role, due)
						""")
			.param("c1", column(clocks, StoredClock::number))
			.param("c2", column(clocks, c -> c.name().key()))
			.param("c3", column(clocks, c -> c.tenantId()))
			.param("c4", column(clocks, c -> c.projectId()))
			.param("c5", column(clocks, c -> c.grade().name()))
			.param("c6", column(clocks, c -> c.working() ? "WORKING" : "24H"))
			.param("c7", column(clocks, StoredClock::start))
			.param("c8", column(clocks, c -> c.limit().toSeconds()))
			.param("c9", column(clocks, c -> c.paused().toSeconds()))
			.param("c10", column(clocks, StoredClock::pausedAt))
			.param("c11", column(clocks, StoredClock::deadline))
			.param("c12", column(clocks, StoredClock::metAt))
			.param("c13", column(clocks, StoredClock::breachedAt))
			.param("c14", column(clocks, StoredClock::state))
			.param("t1", column(timers, Timer::number))
			.param("t2", column(timers, t -> t.clock() == null ? null : t.clock().key()))
			.param("t3", column(timers, t -> t.kind().name()))
			.param("t4", column(timers, Timer::fraction))
			.param("t5", column(timers, Timer::role))
			.param("t6", column(timers, Timer::due))
			.update();
		fresh.put(number, List.copyOf(clocks));
	}

	/** One column of rows as text, for {@code unnest}; instants in ISO-8601. */
	private static <T> String[] column(List<T> rows, java.util.function.Function<T, Object> value) {
		return rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
	}

	private final TransactionScoped<String, List<StoredClock>> fresh = new TransactionScoped<>();

	private static final String UPSERT = """
			INSERT INTO sla_clock (order_number, clock, tenant_id, project_id, grade, mode, started_at, limit_seconds,
			    paused_seconds, paused_at, deadline, met_at, breached_at, state)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (order_number, clock) DO UPDATE SET grade = EXCLUDED.grade, mode = EXCLUDED.mode,
			    started_at = EXCLUDED.started_at, limit_seconds = EXCLUDED.limit_seconds,
			    paused_seconds = EXCLUDED.paused_seconds, paused_at = EXCLUDED.paused_at, deadline = EXCLUDED.deadline,
			    met_at = EXCLUDED.met_at, breached_at = EXCLUDED.breached_at, state = EXCLUDED.state
			""";

	private static Object[] row(StoredClock clock) {
		return new Object[] { clock.number(), clock.name().key(), clock.tenantId(), clock.projectId(),
				clock.grade().name(), clock.working() ? "WORKING" : "24H", ts(clock.start()), clock.limit().toSeconds(),
				clock.paused().toSeconds(), ts(clock.pausedAt()), ts(clock.deadline()), ts(clock.metAt()),
				ts(clock.breachedAt()), clock.state() };
	}

	List<StoredClock> clocks(String number) {
		Optional<List<StoredClock>> started = fresh.get(number);
		if (started.isPresent()) {
			return started.get()
				.stream()
				.sorted(Comparator.comparing(StoredClock::start).thenComparing(c -> c.name().key()))
				.toList();
		}
		return jdbc.sql("SELECT * FROM sla_clock WHERE order_number = ? ORDER BY started_at, clock")
			.param(number)
			.query(ClockStore::clock)
			.list();
	}

	/** The clocks of several orders, each order's oldest first. */
	List<StoredClock> clocks(Collection<String> numbers) {
		if (numbers.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM sla_clock WHERE order_number = ANY(?) ORDER BY order_number, started_at, clock")
			.param(numbers.toArray(String[]::new))
			.query(ClockStore::clock)
			.list();
	}

	Optional<StoredClock> clock(String number, ClockName name) {
		return jdbc.sql("SELECT * FROM sla_clock WHERE order_number = ? AND clock = ?")
			.params(number, name.key())
			.query(ClockStore::clock)
			.optional();
	}

	/**
	 * A timer to store.
	 *
	 * @param number order number
	 * @param clock the clock, or {@code null} for auto-dispatch
	 * @param kind what it does
	 * @param fraction share of the limit (warnings and breach)
	 * @param role who is alerted (escalation)
	 * @param due when it falls due
	 */
	record Timer(String number, ClockName clock, TimerKind kind, Double fraction, String role, Instant due) {

		/**
		 * Identifies what the timer announces, so a replan does not announce it twice.
		 */
		String key() {
			return key(clock == null ? null : clock.key(), kind.name(), fraction, role);
		}

		static String key(String clock, String kind, Double fraction, String role) {
			return clock + "/" + kind + "/" + fraction + "/" + role;
		}

	}

	void scheduleAll(List<Timer> timers) {
		if (timers.isEmpty()) {
			return;
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO sla_timer (order_number, clock, kind, fraction, role, due_at, status)
				VALUES (?, ?, ?, ?, ?, ?, 'PENDING')
				""",
				timers.stream()
					.map(t -> new Object[] { t.number(), t.clock() == null ? null : t.clock().key(), t.kind().name(),
							t.fraction(), t.role(), ts(t.due()) })
					.toList());
	}

	/** The keys of the order's timers that have fired. */
	Set<String> firedKeys(String number) {
		return Set.copyOf(jdbc
			.sql("SELECT clock, kind, fraction, role FROM sla_timer WHERE order_number = ? AND status = 'FIRED'")
			.param(number)
			.query((rs, n) -> Timer.key(rs.getString(1), rs.getString(2), (Double) rs.getObject(3), rs.getString(4)))
			.list());
	}

	void cancelPendingClockTimers(String number) {
		jdbc.sql(
				"UPDATE sla_timer SET status = 'CANCELLED' WHERE order_number = ? AND clock IS NOT NULL AND status = 'PENDING'")
			.param(number)
			.update();
	}

	/**
	 * Cancels pending timers of one clock, or of every clock and kind when {@code clock}
	 * is null.
	 */
	void cancelPending(String number, ClockName clock) {
		if (clock == null) {
			jdbc.sql("UPDATE sla_timer SET status = 'CANCELLED' WHERE order_number = ? AND status = 'PENDING'")
				.param(number)
				.update();
			return;
		}
		jdbc.sql(
				"UPDATE sla_timer SET status = 'CANCELLED' WHERE order_number = ? AND clock = ? AND status = 'PENDING'")
			.params(number, clock.key())
			.update();
	}

	void cancelPending(String number, TimerKind kind) {
		jdbc.sql("UPDATE sla_timer SET status = 'CANCELLED' WHERE order_number = ? AND kind = ? AND status = 'PENDING'")
			.params(number, kind.name())
			.update();
	}

	private static StoredClock clock(ResultSet rs, int row) throws SQLException {
		return new StoredClock(rs.getString("order_number"), ClockName.of(rs.getString("clock")),
				rs.getLong("tenant_id"), rs.getLong("project_id"), Grade.valueOf(rs.getString("grade")),
				"WORKING".equals(rs.getString("mode")), instant(rs, "started_at"),
				Duration.ofSeconds(rs.getLong("limit_seconds")), Duration.ofSeconds(rs.getLong("paused_seconds")),
				instant(rs, "paused_at"), instant(rs, "deadline"), instant(rs, "met_at"), instant(rs, "breached_at"),
				rs.getString("state"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
