package org.suxiu;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timed jobs do not wait for each other: while one runs long (a delivery loop
 * draining a burst, a monthly report being rendered), another — the SLA timers — still
 * runs on time.
 */
class ScheduledJobsTest extends ApplicationTest {

	@Autowired
	TaskScheduler scheduler;

	@Test
	void aLongJobDoesNotHoldUpTheOthers() throws InterruptedException {
		CountDownLatch longJobStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch otherRan = new CountDownLatch(1);
		scheduler.schedule(() -> {
			longJobStarted.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, Instant.now());
		try {
			assertThat(longJobStarted.await(10, TimeUnit.SECONDS)).isTrue();
			scheduler.schedule(otherRan::countDown, Instant.now());

			assertThat(otherRan.await(10, TimeUnit.SECONDS)).as("a job scheduled while another runs").isTrue();
		}
		finally {
			release.countDown();
		}
	}

}
