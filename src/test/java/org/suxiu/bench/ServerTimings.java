package org.suxiu.bench;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the application itself measured for one endpoint ({@code http.server.requests}),
 * so the report can tell time spent inside the server from time spent queueing for a
 * connection, in the kernel or in the load generator.
 */
final class ServerTimings {

	private final MeterRegistry registry;

	ServerTimings(MeterRegistry registry) {
		this.registry = registry;
	}

	Snapshot snapshot(String method, String uri) {
		long count = 0;
		double totalMillis = 0;
		double maxMillis = 0;
		for (Timer timer : this.registry.find("http.server.requests").tag("method", method).tag("uri", uri).timers()) {
			count += timer.count();
			totalMillis += timer.totalTime(TimeUnit.MILLISECONDS);
			maxMillis = Math.max(maxMillis, timer.max(TimeUnit.MILLISECONDS));
		}
		return new Snapshot(count, totalMillis, maxMillis);
	}

	/**
	 * Cumulative figures of one endpoint at one moment.
	 *
	 * @param count requests answered so far
	 * @param totalMillis their summed time inside the server
	 * @param maxMillis the longest one in the registry's recent window
	 */
	record Snapshot(long count, double totalMillis, double maxMillis) {

		/**
		 * Mean time inside the server for the requests answered since {@code earlier}.
		 */
		double meanMillisSince(Snapshot earlier) {
			long requests = this.count - earlier.count;
			return (requests > 0) ? (this.totalMillis - earlier.totalMillis) / requests : 0;
		}

	}

}
