package org.suxiu.shared;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseOutageTest {

	@Test
	void tellsAnUnreachableDatabaseFromOtherFailures() {
		assertThat(
				DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("pool", new SQLException("x", "08001"))))
			.isTrue();
		assertThat(DatabaseOutage.isOutage(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
		assertThat(DatabaseOutage.isOutage(new RuntimeException(new SQLException("duplicate", "23505")))).isFalse();
		assertThat(DatabaseOutage.isOutage(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void aFailedRollbackAfterALostConnectionIsAnOutage() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new RuntimeException(new SQLException("I/O error", "08006")));

		assertThat(DatabaseOutage.isOutage(rollback)).isTrue();
	}

	@Test
	void aJobThatHitsAnOutageWaitsBeforeItsNextRound() {
		DatabaseOutage outage = new DatabaseOutage();
		AtomicInteger rounds = new AtomicInteger();
		Runnable failing = () -> {
			rounds.incrementAndGet();
			throw new DataAccessResourceFailureException("down");
		};

		outage.run("job", failing);
		outage.run("job", failing);

		assertThat(rounds).hasValue(1);
		assertThat(outage.isDown()).isTrue();
	}

	@Test
	void rethrowsFailuresThatAreNotAnOutage() {
		DatabaseOutage outage = new DatabaseOutage();

		assertThatThrownBy(() -> outage.run("job", () -> {
			throw new IllegalStateException("bug");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(outage.isDown()).isFalse();
	}

}
