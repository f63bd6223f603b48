package org.suxiu.notification;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), new Random(42));

	@Test
	void doublesFromTheInitialWaitWithHalfOfItRandom() {
		for (int attempt = 1; attempt <= 6; attempt++) {
			long full = 10_000L << (attempt - 1);

			Duration wait = backoff.after(attempt);

			assertThat(wait.toMillis()).as("attempt %d", attempt).isBetween(full / 2, full);
		}
	}

	@Test
	void neverWaitsLongerThanTheCeiling() {
		for (int attempt = 7; attempt <= 100; attempt++) {
			assertThat(backoff.after(attempt)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
		}
	}

	@Test
	void spreadsMessagesThatFailedTogether() {
		long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.after(5)).distinct().count();

		assertThat(distinct).isGreaterThan(40);
	}

}
