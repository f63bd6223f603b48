package org.suxiu.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts sign-in attempts per key ({@code account:agent}, {@code address:203.0.113.9}) in
 * PostgreSQL, under a row lock, so that every instance keeps one tally. An attempt counts
 * when it starts, so parallel guesses cannot slip past the limit, and is taken back when
 * it succeeds. From the {@link Limit#delayAfter()}th failure within the window each
 * further attempt waits a delay that doubles; at {@link Limit#lockAfter()} the key is
 * locked until the lockout ends or an administrator unlocks it.
 */
@Service
class SignInThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Admits an attempt and counts it as failed until {@link #succeeded} says otherwise,
	 * or refuses it with how long to wait.
	 */
	@Transactional
	Verdict begin(String key, Limit limit) {
		Instant now = clock.instant();
		Row row = lock(key, now);
		if (row.blockedUntil() != null && row.blockedUntil().isAfter(now)) {
			return Verdict.wait(Duration.between(now, row.blockedUntil()), row.locked());
		}
		int failures = row.windowStart().plus(limit.window()).isAfter(now) ? row.failures() + 1 : 1;
		Instant windowStart = failures == 1 ? now : row.windowStart();
		Instant blockedUntil = null;
		if (failures >= limit.delayAfter()) {
			blockedUntil = now.plus(limit.delay().multipliedBy(1L << Math.min(20, failures - limit.delayAfter())));
		}
		jdbc.sql("UPDATE sign_in_throttle SET failures = ?, window_start = ?, blocked_until = ?, locked = FALSE "
				+ "WHERE key = ?")
			.params(failures, Timestamp.from(windowStart), blockedUntil == null ? null : Timestamp.from(blockedUntil),
					key)
			.update();
		return new Verdict(true, failures, null, false);
	}

	/**
	 * The attempt failed: at the limit the key is locked for the lockout.
	 * @return whether this failure locked it
	 */
	@Transactional
	boolean failed(String key, Limit limit) {
		Instant now = clock.instant();
		Row row = lock(key, now);
		if (row.locked() || row.failures() < limit.lockAfter()) {
			return false;
		}
		jdbc.sql("UPDATE sign_in_throttle SET blocked_until = ?, locked = TRUE WHERE key = ?")
			.params(Timestamp.from(now.plus(limit.lockout())), key)
			.update();
		return true;
	}

	/** The attempt succeeded: the account starts afresh; an address gets its try back. */
	@Transactional
	void succeeded(String key, boolean forget) {
		if (forget) {
			jdbc.sql("DELETE FROM sign_in_throttle WHERE key = ?").param(key).update();
		}
		else {
			jdbc.sql("UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE key = ?")
				.param(key)
				.update();
		}
	}

	/** Lifts a delay or a lock at once (an administrator's unlock). */
	@Transactional
	void clear(String key) {
		jdbc.sql("DELETE FROM sign_in_throttle WHERE key = ?").param(key).update();
	}

	/** How long the key is still refused, if it is. */
	@Transactional(readOnly = true)
	Duration blockedFor(String key) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT blocked_until FROM sign_in_throttle WHERE key = ?")
			.param(key)
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional()
			.filter(until -> until.isAfter(now))
			.map(until -> Duration.between(now, until))
			.orElse(Duration.ZERO);
	}

	/** Forgets counts older than a day, so that guessed names do not pile up. */
	@Scheduled(fixedDelayString = "${suxiu.identity.sign-in.cleanup:PT1H}", initialDelayString = "PT1M")
	@Transactional
	int forgetOld() {
		Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
		return jdbc
			.sql("DELETE FROM sign_in_throttle WHERE window_start < ? AND (blocked_until IS NULL OR blocked_until < ?)")
			.params(Timestamp.from(dayAgo), Timestamp.from(clock.instant()))
			.update();
	}

	private Row lock(String key, Instant now) {
		jdbc.sql("INSERT INTO sign_in_throttle (key, window_start) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")
			.params(key, Timestamp.from(now))
			.update();
		return jdbc
			.sql("SELECT failures, window_start, blocked_until, locked FROM sign_in_throttle WHERE key = ? FOR UPDATE")
			.param(key)
			.query((rs, n) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getBoolean(4)))
			.single();
	}

	/**
	 * A limit on one kind of key.
	 *
	 * @param delayAfter failures within the window from which each attempt waits
	 * @param delay the first wait; it doubles with each further failure
	 * @param lockAfter failures within the window that lock the key
	 * @param window how far back failures count
	 * @param lockout how long a lock lasts
	 */
	record Limit(int delayAfter, Duration delay, int lockAfter, Duration window, Duration lockout) {
	}

	/**
	 * Whether an attempt may go ahead.
	 *
	 * @param admitted whether it may
	 * @param failures failures counted in the window, this attempt included
	 * @param retryAfter when refused, how long to wait
	 * @param locked when refused, whether the key is locked rather than delayed
	 */
	record Verdict(boolean admitted, int failures, Duration retryAfter, boolean locked) {

		static Verdict wait(Duration retryAfter, boolean locked) {
			return new Verdict(false, 0, retryAfter, locked);
		}

	}

	private record Row(int failures, Instant windowStart, Instant blockedUntil, boolean locked) {
	}

}
