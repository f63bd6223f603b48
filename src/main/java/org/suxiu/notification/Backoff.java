package org.suxiu.notification;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits between attempts: the initial wait doubled after each failure up to a ceiling,
 * with "equal jitter" (half fixed, half random) so that messages failing together do not
 * all come back at the same moment.
 */
final class Backoff {

	private final Duration initial;

	private final Duration max;

	private final RandomGenerator random;

	Backoff(Duration initial, Duration max, RandomGenerator random) {
		this.initial = initial;
		this.max = max;
		this.random = random;
	}

	/** The wait after the given failed attempt (1 for the first). */
	Duration after(int attempt) {
		long ceiling = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
		long capped = Math.min(Math.max(ceiling, 0), max.toMillis());
		long half = capped / 2;
		return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
	}

}
