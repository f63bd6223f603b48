package org.suxiu.shared;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.ClockedApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completed event publications are purged after an hour; failed and unfinished ones stay.
 */
class CompletedPublicationsTest extends ClockedApplicationTest {

	@Autowired
	CompletedPublications publications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void purgesCompletedPublicationsOlderThanAnHourAndKeepsFailedOnes() {
		Instant now = CLOCK.instant();
		UUID oldCompleted = publication(now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)), "COMPLETED");
		UUID recentCompleted = publication(now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(10)),
				"COMPLETED");
		UUID oldFailed = publication(now.minus(Duration.ofDays(2)), null, "FAILED");

		publications.purge();

		assertThat(exists(oldCompleted)).isFalse();
		assertThat(exists(recentCompleted)).isTrue();
		assertThat(exists(oldFailed)).isTrue();
	}

	private UUID publication(Instant published, Instant completed, String status) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				    completion_date, status, completion_attempts)
				VALUES (?, 'test.listener', 'test.Event', '{}', ?, ?, ?, 1)
				""")
			.params(id, Timestamp.from(published), completed == null ? null : Timestamp.from(completed), status)
			.update();
		return id;
	}

	private boolean exists(UUID id) {
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE id = ?").param(id).query(Long.class).single() > 0;
	}

}
