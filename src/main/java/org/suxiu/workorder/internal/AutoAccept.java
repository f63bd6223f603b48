package org.suxiu.workorder.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.DatabaseOutage;
import org.suxiu.workorder.AftercarePolicy;

/**
 * Accepts completed work the owner has not accepted within the project's delay (its
 * {@link AftercarePolicy}) or else {@code suxiu.workorder.auto-accept-after} (default 3
 * days): one timer row per completion, claimed with {@code FOR UPDATE SKIP LOCKED} so
 * that of several instances exactly one fires it, once, and a restart loses none.
 */
@Component
class AutoAccept {

	private static final Logger log = LoggerFactory.getLogger(AutoAccept.class);

	private final JdbcClient jdbc;

	private final WorkOrderRepository orders;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration after;

	private final boolean enabled;

	private final ObjectProvider<AftercarePolicy> policies;

	AutoAccept(JdbcClient jdbc, WorkOrderRepository orders, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock,
			@Value("${suxiu.workorder.auto-accept-after:P3D}") Duration after,
			@Value("${suxiu.workorder.auto-accept.enabled:true}") boolean enabled,
			ObjectProvider<AftercarePolicy> policies) {
		this.policies = policies;
		this.jdbc = jdbc;
		this.orders = orders;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.after = after;
		this.enabled = enabled;
	}

	/**
	 * Sets the timer when work is completed (in the completion's transaction), after the
	 * project's delay if it set one.
	 */
	void schedule(String number, long projectId, Instant completedAt) {
		jdbc.sql("""
				INSERT INTO auto_accept_timer (order_number, due_at) VALUES (?, ?)
				ON CONFLICT (order_number) DO UPDATE SET due_at = EXCLUDED.due_at, fired_at = NULL
				""").params(number, Timestamp.from(completedAt.plus(after(projectId)))).update();
	}

	/** The project's delay, or the installation's. */
	Duration after(long projectId) {
		AftercarePolicy policy = policies.getIfAvailable();
		return policy == null ? after : policy.autoAcceptAfter(projectId).orElse(after);
	}

	@Scheduled(fixedDelayString = "${suxiu.workorder.auto-accept.interval:PT60S}", initialDelayString = "PT30S")
	void poll() {
		if (!enabled) {
			return;
		}
		try {
			fireDue();
		}
		catch (RuntimeException ex) {
			if (!DatabaseOutage.isOutage(ex)) {
				throw ex;
			}
		}
	}

	/**
	 * Fires every due timer, each in its own transaction.
	 * @return how many orders were accepted
	 */
	int fireDue() {
		int accepted = 0;
		while (true) {
			Optional<Boolean> fired;
			try {
				fired = transactions.execute(status -> fireOne());
			}
			catch (ConcurrentChange ex) {
				// the owner accepted (or reopened) at this moment: the next round sees it
				log.debug("Auto-accept met a concurrent change", ex);
				continue;
			}
			if (fired == null || fired.isEmpty()) {
				return accepted;
			}
			accepted += fired.get() ? 1 : 0;
		}
	}

	private Optional<Boolean> fireOne() {
		Instant now = clock.instant();
		Optional<String> due = jdbc.sql("""
				SELECT order_number FROM auto_accept_timer WHERE fired_at IS NULL AND due_at <= ?
				ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED
				""").param(Timestamp.from(now)).query(String.class).optional();
		if (due.isEmpty()) {
			return Optional.empty();
		}
		String number = due.get();
		boolean accepted = orders.find(number).map(order -> {
			long days = after(order.projectId()).toDays();
			if (!order.autoAccept("业主" + days + "天内未验收，系统自动验收 not accepted by the owner within " + days
					+ " days, accepted by the system", now)) {
				return false;
			}
			orders.update(order);
			order.events().forEach(events::publishEvent);
			return true;
		}).orElse(false);
		jdbc.sql("UPDATE auto_accept_timer SET fired_at = ? WHERE order_number = ?")
			.params(Timestamp.from(now), number)
			.update();
		return Optional.of(accepted);
	}

}
