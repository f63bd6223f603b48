package org.suxiu.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes event publications completed longer ago than {@code keep-completed}, so the
 * registry does not grow with every order forever. Failed and unfinished publications (no
 * completion date) stay for {@link FailedPublications} and for an operator. Deleting in
 * bounded batches keeps each statement short; two instances purging at once only share
 * the work.
 */
@Component
public class CompletedPublications {

	private static final Logger log = LoggerFactory.getLogger(CompletedPublications.class);

	private static final int BATCH = 5_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration keep;

	private final boolean enabled;

	CompletedPublications(JdbcClient jdbc, Clock clock,
			@Value("${suxiu.events.purge.keep-completed:PT1H}") Duration keep,
			@Value("${suxiu.events.purge.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keep = keep;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${suxiu.events.purge.interval:PT10M}", initialDelayString = "PT1M")
	void poll() {
		if (!enabled) {
			return;
		}
		try {
			int purged = purge();
			if (purged > 0) {
				log.debug("Purged {} completed event publications", purged);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Completed event publications could not be purged; retrying on the next run", ex);
		}
	}

	/** Deletes the publications completed before now less {@code keep-completed}. */
	public int purge() {
		Timestamp before = Timestamp.from(clock.instant().minus(keep));
		int total = 0;
		int deleted;
		do {
			deleted = jdbc.sql("""
					DELETE FROM event_publication WHERE id IN (
					    SELECT id FROM event_publication WHERE completion_date < ? LIMIT ?)
					""").params(before, BATCH).update();
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}

}
