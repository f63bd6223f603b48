package org.suxiu.aftercare;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.DatabaseOutage;
import org.suxiu.workorder.WorkOrders;

/**
 * Closes the accepted orders nobody needs to call once their row falls due: each row is
 * claimed with {@code FOR UPDATE SKIP LOCKED} and marked fired in the transaction that
 * closes the order, so that of several instances one closes it, once, and a restart loses
 * none.
 */
@Component
class FollowUpCloser {

	private static final Logger log = LoggerFactory.getLogger(FollowUpCloser.class);

	private final JdbcClient jdbc;

	private final WorkOrders orders;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	FollowUpCloser(JdbcClient jdbc, WorkOrders orders, PlatformTransactionManager transactions, Clock clock,
			@Value("${suxiu.aftercare.poller.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${suxiu.aftercare.poller.interval:PT60S}", initialDelayString = "PT40S")
	void poll() {
		if (!enabled) {
			return;
		}
		try {
			closeDue();
		}
		catch (RuntimeException ex) {
			if (!DatabaseOutage.isOutage(ex)) {
				throw ex;
			}
		}
	}

	/**
	 * Closes every order whose row is due, each in its own transaction.
	 * @return how many orders were closed
	 */
	int closeDue() {
		int closed = 0;
		while (true) {
			Optional<Boolean> fired;
			try {
				fired = transactions.execute(status -> closeOne());
			}
			catch (ConcurrentChange ex) {
				// somebody changed the order at this moment: the next round sees it
				log.debug("Closing without a call met a concurrent change", ex);
				continue;
			}
			if (fired == null || fired.isEmpty()) {
				return closed;
			}
			closed += fired.get() ? 1 : 0;
		}
	}

	private Optional<Boolean> closeOne() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Optional<String> due = jdbc.sql("""
				SELECT order_number FROM follow_up WHERE status = 'NO_CALL' AND fired_at IS NULL AND due_at <= ?
				ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED
				""").param(Timestamp.from(now)).query(String.class).optional();
		if (due.isEmpty()) {
			return Optional.empty();
		}
		String number = due.get();
		boolean closed = orders.closeWithoutCall(null, number, "NOT_SAMPLED",
				"未抽中回访，自动关闭 not chosen for a follow-up call; closed automatically");
		jdbc.sql("""
				UPDATE follow_up SET fired_at = :now, version = version + 1,
				    status = CASE WHEN :closed THEN 'CLOSED_WITHOUT_CALL' ELSE status END,
				    done_at = CASE WHEN :closed THEN CAST(:now AS TIMESTAMPTZ) ELSE done_at END
				WHERE order_number = :number
				""").param("now", Timestamp.from(now)).param("closed", closed).param("number", number).update();
		return Optional.of(closed);
	}

}
