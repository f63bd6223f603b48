package org.suxiu.operations;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.suxiu.shared.FailedPublications;

/**
 * Keeps each order's events on Kafka in the order they were committed, across async
 * listener threads, instances and broker outages.
 * <p>
 * In the transaction that makes a public event happen, {@link #sequence} writes a row for
 * it ({@code kafka_send_order}: a sequence in commit order per record key). Before a
 * send, {@link #mayGo} checks that no earlier row of the same key is left; if one is, the
 * send is held back — its publication fails, which costs nothing but a retry — and once
 * the earlier event is acknowledged its row goes and the held ones are resubmitted at
 * once ({@link FailedPublications} sends an order's waiting events one at a time, oldest
 * first). So a "dispatched" that reached the producer thread before its "created", or an
 * event published after the broker came back while older ones of its order still wait for
 * resubmission, waits its turn.
 * <p>
 * A row older than {@code hold} no longer holds later events back (a publication given up
 * to an operator must not stop its order for ever); rows are purged after a week.
 */
class OrderedExternalization implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OrderedExternalization.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final FailedPublications failedPublications;

	private final Duration hold;

	private final ScheduledExecutorService release = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "kafka-order-release");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean releasePending = new AtomicBoolean();

	/** Where an acknowledged send's row is removed (not on the producer's I/O thread). */
	private final java.util.concurrent.ExecutorService acknowledgements = Executors
		.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "kafka-order-ack");
			thread.setDaemon(true);
			return thread;
		});

	OrderedExternalization(JdbcClient jdbc, Clock clock, FailedPublications failedPublications, Duration hold) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.failedPublications = failedPublications;
		this.hold = hold;
	}

	/**
	 * Gives a public event its place in its order's sequence, inside the transaction that
	 * published it (a rolled-back event leaves no row).
	 */
	@EventListener
	void sequence(Object event) {
		if (!PublicEvent.isPublic(event)) {
			return;
		}
		PublicEvent message = PublicEvent.from(event);
		jdbc.sql("""
				INSERT INTO kafka_send_order (event_id, record_key, created_at) VALUES (?, ?, ?)
				ON CONFLICT (event_id) DO NOTHING
				""").params(message.eventId(), message.orderNumber(), Timestamp.from(clock.instant())).update();
	}

	/**
	 * Whether the event may be sent now: no earlier event of its key is still waiting. An
	 * event without a row (already sent once, so this is a copy) may go.
	 */
	boolean mayGo(PublicEvent message) {
		return jdbc.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM kafka_send_order mine JOIN kafka_send_order earlier
				    ON earlier.record_key = mine.record_key AND earlier.seq < mine.seq
				WHERE mine.event_id = ? AND earlier.created_at > ?)
				""")
			.params(message.eventId(), Timestamp.from(clock.instant().minus(hold)))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Kafka acknowledged the event: its row goes, and if later events of its key are
	 * waiting they are resubmitted now rather than on the next scheduled run.
	 */
	void sent(PublicEvent message) {
		jdbc.sql("DELETE FROM kafka_send_order WHERE event_id = ?").param(message.eventId()).update();
		boolean waiting = jdbc.sql("SELECT EXISTS (SELECT 1 FROM kafka_send_order WHERE record_key = ?)")
			.param(message.orderNumber())
			.query(Boolean.class)
			.single();
		if (waiting) {
			releaseSoon();
		}
	}

	/**
	 * Resubmits held publications shortly (they are marked failed a moment after they
	 * were held back), coalescing bursts into one run.
	 */
	private void releaseSoon() {
		if (!releasePending.compareAndSet(false, true)) {
			return;
		}
		release.schedule(() -> {
			releasePending.set(false);
			resubmit();
			// and once more in case a held publication was marked failed only after that
			release.schedule(this::resubmit, 1, TimeUnit.SECONDS);
		}, 100, TimeUnit.MILLISECONDS);
	}

	private void resubmit() {
		try {
			failedPublications.resubmit();
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Held Kafka events could not be resubmitted now; the scheduled run will", ex);
		}
	}

	/** Forgets rows of events a week old (given up to an operator, or copies). */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void purge() {
		int purged = jdbc.sql("DELETE FROM kafka_send_order WHERE created_at < ?")
			.param(Timestamp.from(clock.instant().minus(Duration.ofDays(7))))
			.update();
		if (purged > 0) {
			log.info("Forgot {} Kafka send-order rows older than a week", purged);
		}
	}

	@Override
	public void destroy() {
		release.shutdownNow();
		acknowledgements.shutdown();
	}

	java.util.concurrent.Executor acknowledgements() {
		return acknowledgements;
	}

	/** A send held back because an earlier event of the same order is not through yet. */
	static final class HeldBack extends IllegalStateException {

		HeldBack(PublicEvent message) {
			super("Held back behind an earlier event of " + message.orderNumber() + ": " + message.type());
		}

		/** No stack trace: holding back is expected, not a fault. */
		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

	/** The future of a held-back send. */
	static CompletableFuture<Object> heldBack(PublicEvent message) {
		return CompletableFuture.failedFuture(new HeldBack(message));
	}

}
