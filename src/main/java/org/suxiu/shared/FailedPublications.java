package org.suxiu.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands event publications whose listener failed, or never finished because an instance
 * stopped, to their listener again ("republish on restart" stays off). One job for all
 * instances: it works only while it holds a PostgreSQL advisory lock, so two instances
 * never resubmit at once, and the registry marks each publication resubmitted before it
 * invokes the listener. Listeners are idempotent, so a publication that was merely slow
 * is safe to run twice.
 */
@Component
public class FailedPublications {

	/** The advisory lock's key, "SUXIURES" in ASCII. */
	static final long LOCK = 0x5355_5849_5552_4553L;

	private static final Logger log = LoggerFactory.getLogger(FailedPublications.class);

	private final DataSource dataSource;

	private final EventPublicationRegistry registry;

	private final FailedEventPublications failed;

	private final Duration staleAfter;

	private final int maxAttempts;

	private final int batch;

	private final boolean enabled;

	private final Clock clock;

	private final DatabaseOutage outage;

	FailedPublications(DataSource dataSource, Clock clock, EventPublicationRegistry registry,
			FailedEventPublications failed, @Value("${suxiu.events.resubmit.stale-after:PT2M}") Duration staleAfter,
			@Value("${suxiu.events.resubmit.max-attempts:20}") int maxAttempts,
			@Value("${suxiu.events.resubmit.batch:500}") int batch,
			@Value("${suxiu.events.resubmit.enabled:true}") boolean enabled, DatabaseOutage outage) {
		this.outage = outage;
		this.dataSource = dataSource;
		this.clock = clock;
		this.registry = registry;
		this.failed = failed;
		this.staleAfter = staleAfter;
		this.maxAttempts = maxAttempts;
		this.batch = batch;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${suxiu.events.resubmit.interval:PT30S}", initialDelayString = "PT5S")
	void poll() {
		if (!enabled) {
			return;
		}
		try {
			outage.run("event-resubmission", () -> {
				try {
					resubmit();
				}
				catch (SQLException ex) {
					throw new org.springframework.dao.DataAccessResourceFailureException(ex.getMessage(), ex);
				}
			});
		}
		catch (RuntimeException ex) {
			log.error("Failed event publications could not be resubmitted; retrying on the next run", ex);
		}
	}

	/**
	 * Marks publications stuck for longer than {@code stale-after} as failed, then
	 * resubmits every failed one, unless another instance is doing so right now.
	 * @return how many publications this instance resubmitted, or -1 if another instance
	 * held the lock
	 */
	public int resubmit() throws SQLException {
		try (Connection lock = dataSource.getConnection()) {
			lock.setAutoCommit(true);
			if (!call(lock, "SELECT pg_try_advisory_lock(?)")) {
				return -1;
			}
			try {
				if (anyStale(lock)) {
					registry.markStalePublicationsFailed(status -> staleAfter);
				}
				int total = 0;
				int resubmitted;
				do {
					AtomicInteger accepted = new AtomicInteger();
					failed.resubmit(ResubmissionOptions.defaults().withBatchSize(batch).withFilter(publication -> {
						if (behindAnEarlierOne(lock, publication.getIdentifier())) {
							return false;
						}
						if (publication.getCompletionAttempts() < maxAttempts) {
							accepted.incrementAndGet();
							return true;
						}
						log.error("Event publication {} failed {} times; left for an operator",
								publication.getIdentifier(), publication.getCompletionAttempts());
						return false;
					}));
					resubmitted = accepted.get();
					total += resubmitted;
				}
				while (resubmitted == batch);
				return total;
			}
			finally {
				call(lock, "SELECT pg_advisory_unlock(?)");
			}
		}
	}

	/**
	 * Whether an event externalized to a broker (Kafka) must wait because an earlier
	 * event of the same order for the same externalizer is not yet through: resubmitted
	 * side by side the two would race and could reach the topic out of order. The next
	 * run sends it once the earlier one completed.
	 */
	private static boolean behindAnEarlierOne(Connection connection, java.util.UUID id) {
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT EXISTS (SELECT 1 FROM event_publication c JOIN event_publication e
				    ON e.listener_id = c.listener_id AND e.id <> c.id
				WHERE c.id = ? AND c.listener_id LIKE '%Externalizer%' AND e.completion_date IS NULL
				    AND (e.publication_date < c.publication_date
				        OR (e.publication_date = c.publication_date AND e.id < c.id))
				    AND substring(e.serialized_event from '"number":"([^"]+)"')
				        = substring(c.serialized_event from '"number":"([^"]+)"'))
				""")) {
			statement.setObject(1, id);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			throw new org.springframework.dao.DataAccessResourceFailureException(ex.getMessage(), ex);
		}
	}

	/** Whether any publication is unfinished for longer than {@code stale-after}. */
	private boolean anyStale(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"""
						SELECT EXISTS (SELECT 1 FROM event_publication WHERE completion_date IS NULL AND coalesce(status, '') <> 'FAILED'
						    AND coalesce(last_resubmission_date, publication_date) < ?)
						""")) {
			statement.setTimestamp(1, Timestamp.from(clock.instant().minus(staleAfter)));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static boolean call(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, LOCK);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

}
