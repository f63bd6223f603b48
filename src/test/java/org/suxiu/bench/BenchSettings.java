package org.suxiu.bench;

import java.time.Duration;
import java.util.Set;

/**
 * How hard and how long the benchmark pushes, from {@code -Dbench.*} system properties so
 * the Maven profile can pass them through.
 *
 * @param clients concurrent clients in the creation and detail phases
 * @param warmup load discarded before each measured window, so the JIT and pools settle;
 * on two cores C2 is still compiling the request path well after 10 s
 * @param duration each measured window
 * @param listTarget orders in the table when the list is measured
 * @param listWarmup unmeasured list requests per variant
 * @param listRequests measured list requests per variant
 * @param phases which of {@code create}, {@code detail} and {@code list} to run; detail
 * reads what create made, so it needs create
 */
record BenchSettings(int clients, Duration warmup, Duration duration, int listTarget, int listWarmup, int listRequests,
		Set<String> phases) {

	static BenchSettings fromSystemProperties() {
		return new BenchSettings(Integer.getInteger("bench.clients", 32),
				Duration.ofSeconds(Integer.getInteger("bench.warmup", 60)),
				Duration.ofSeconds(Integer.getInteger("bench.duration", 30)),
				Integer.getInteger("bench.listTarget", 100_000), Integer.getInteger("bench.listWarmup", 30),
				Integer.getInteger("bench.listRequests", 200),
				Set.of(System.getProperty("bench.phases", "create,detail,list").split("\\s*,\\s*")));
	}

}
