package org.suxiu.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database outage from any other failure, and lets periodic jobs ride one out: a
 * job that fails because PostgreSQL is unreachable waits longer before each next try (1 s
 * doubling to 30 s) and the outage is logged once when it starts and once when it ends,
 * not once a second by every poller.
 */
@Component
public class DatabaseOutage {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	/** What a 503 asks clients to wait before sending again. */
	public static final int RETRY_AFTER_SECONDS = 5;

	private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

	/** When the outage began (monotonic nanos), or 0 while the database answers. */
	private final AtomicLong downSince = new AtomicLong();

	private final Map<String, Pause> pauses = new ConcurrentHashMap<>();

	/** Whether {@code ex}, or one of its causes, says the database cannot be reached. */
	public static boolean isOutage(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof ConnectException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isOutage(rollback.getApplicationException())) {
				// the rollback failed too, on the connection the outage closed
				return true;
			}
			if (t instanceof SQLException sql && "57P01".equals(sql.getSQLState())) {
				// admin_shutdown: the server is going away
				return true;
			}
		}
		return false;
	}

	/**
	 * Runs one round of a periodic {@code job}, unless it is waiting out an outage. An
	 * outage is absorbed and logged once; any other failure is rethrown.
	 */
	public void run(String job, Runnable round) {
		Pause pause = pauses.get(job);
		// monotonic time, not the business Clock: tests that freeze the clock must not
		// freeze the back-off
		long now = System.nanoTime();
		if (pause != null && now < pause.until()) {
			return;
		}
		try {
			round.run();
			if (pauses.remove(job) != null) {
				reachable();
			}
		}
		catch (RuntimeException ex) {
			if (!isOutage(ex)) {
				throw ex;
			}
			Duration wait = pause == null ? FIRST_PAUSE : min(pause.delay().multipliedBy(2), LONGEST_PAUSE);
			pauses.put(job, new Pause(System.nanoTime() + wait.toNanos(), wait));
			unreachable(job, ex);
		}
	}

	/** For long-running workers of their own (the live listener): the database failed. */
	public void unreachable(String who, Throwable ex) {
		if (downSince.compareAndSet(0, System.nanoTime())) {
			log.warn("Database unreachable ({}: {}); background jobs back off until it answers again", who,
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
		}
	}

	/** For long-running workers of their own: the database answered. */
	public void reachable() {
		long since = downSince.getAndSet(0);
		if (since != 0) {
			log.info("Database reachable again after {} s", Duration.ofNanos(System.nanoTime() - since).toSeconds());
		}
	}

	/** Whether an outage is going on as far as this instance knows. */
	public boolean isDown() {
		return downSince.get() != 0;
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private record Pause(long until, Duration delay) {
	}

}
