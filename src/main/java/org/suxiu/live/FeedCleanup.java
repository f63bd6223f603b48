package org.suxiu.live;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.shared.DatabaseOutage;

/**
 * Deletes events older than the retention. One instance at a time does it (an advisory
 * lock), in small batches: a long deleting transaction would hold back every stream,
 * which waits for older transactions to end.
 */
@Component
class FeedCleanup {

	static final int BATCH = 1_000;

	/** Advisory lock key: "live" in ASCII. */
	private static final long LOCK = 0x6c697665L;

	private static final Logger log = LoggerFactory.getLogger(FeedCleanup.class);

	private final LiveEventStore store;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final LiveProperties properties;

	private final Clock clock;

	private final DatabaseOutage outage;

	FeedCleanup(LiveEventStore store, JdbcClient jdbc, TransactionTemplate transactions, LiveProperties properties,
			Clock clock, DatabaseOutage outage) {
		this.outage = outage;
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${suxiu.live.cleanup-interval:PT10M}", initialDelayString = "PT1M")
	void scheduled() {
		try {
			outage.run("live-feed-cleanup", this::purge);
		}
		catch (RuntimeException ex) {
			log.warn("Live-event cleanup failed, next try later: {}", ex.toString());
		}
	}

	/**
	 * Deletes what has expired; returns how many rows, or 0 if another instance is at it.
	 */
	int purge() {
		Instant cutoff = clock.instant().minus(properties.retention());
		int total = 0;
		int deleted;
		do {
			Integer batch = transactions.execute(status -> {
				if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
					return -1;
				}
				return store.deleteCreatedBefore(cutoff, BATCH);
			});
			deleted = batch == null ? 0 : batch;
			total += Math.max(deleted, 0);
		}
		while (deleted == BATCH);
		return total;
	}

}
