package org.suxiu.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Streams whose next rows wait for an older transaction to end. That transaction may
 * write no event and so notify nobody: one query every {@code suxiu.live.recheck} for all
 * waiting streams wakes those it has released.
 */
final class HorizonWatch {

	/** Each waiting stream with the transaction it waits behind. */
	private final Map<LiveConnection, Long> waiting = new ConcurrentHashMap<>();

	private final LiveEventStore store;

	private final ScheduledExecutorService checks;

	HorizonWatch(LiveEventStore store, long everyMillis) {
		this.store = store;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("live-horizon-");
		threads.setDaemon(true);
		this.checks = Executors.newSingleThreadScheduledExecutor(threads);
		checks.scheduleWithFixedDelay(this::check, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Wakes {@code connection} once the transaction {@code tx} and all older ones ended.
	 */
	void await(LiveConnection connection, long tx) {
		waiting.put(connection, tx);
	}

	void forget(LiveConnection connection) {
		waiting.remove(connection);
	}

	void stop() {
		checks.shutdownNow();
	}

	private void check() {
		if (waiting.isEmpty()) {
			return;
		}
		try {
			long horizon = store.horizon();
			waiting.forEach((connection, tx) -> {
				if (tx < horizon && waiting.remove(connection, tx)) {
					connection.wake();
				}
			});
		}
		catch (RuntimeException ex) {
			// the database may be briefly away; the next check or heartbeat reads again
		}
	}

}
