package org.suxiu.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value counted by the database at most {@code maxAge} ago, for the {@code suxiu_*}
 * gauges: every scrape from every Prometheus server within {@code maxAge} shares one
 * reading, never a scan per request. With the database away the last value stays (the
 * health check says why).
 */
public final class CachedReading<T> {

	private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

	private final Supplier<T> read;

	private final Duration maxAge;

	private final Clock clock;

	private volatile T value;

	private volatile Instant takenAt;

	public CachedReading(Supplier<T> read, T initial, Duration maxAge, Clock clock) {
		this.read = read;
		this.value = initial;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	public T get() {
		Instant now = clock.instant();
		if (takenAt == null || !takenAt.plus(maxAge).isAfter(now)) {
			synchronized (this) {
				if (takenAt == null || !takenAt.plus(maxAge).isAfter(now)) {
					try {
						value = read.get();
					}
					catch (RuntimeException ex) {
						log.warn("Gauges not read: {}", ex.toString());
					}
					takenAt = now;
				}
			}
		}
		return value;
	}

	/** Seconds from {@code since} to {@code now}, 0 for none. */
	public static double secondsSince(Instant since, Instant now) {
		return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
	}

}
