package org.suxiu.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.DatabaseOutage;
import org.suxiu.workorder.WorkOrders;

/**
 * Fires the complaint clocks: each due timer row is claimed with {@code FOR UPDATE SKIP
 * LOCKED} and marked fired in the transaction that escalates the complaint, so with any
 * number of instances a clock escalates once, and one that fell due while no instance ran
 * fires after the next start. A step taken in time leaves nothing to escalate.
 */
@Component
@EnableConfigurationProperties(ComplaintSettings.class)
class ComplaintTimers {

	private static final Logger log = LoggerFactory.getLogger(ComplaintTimers.class);

	private final ComplaintRows rows;

	private final WorkOrders orders;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ComplaintSettings settings;

	ComplaintTimers(ComplaintRows rows, WorkOrders orders, org.springframework.context.ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock, ComplaintSettings settings) {
		this.rows = rows;
		this.orders = orders;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${suxiu.complaint.poller-interval:PT30S}", initialDelayString = "PT20S")
	void poll() {
		if (!settings.pollerEnabled()) {
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
	 * Fires every due clock, each in its own transaction.
	 * @return how many complaints escalated
	 */
	int fireDue() {
		int escalated = 0;
		while (true) {
			Optional<Boolean> fired;
			try {
				fired = transactions.execute(status -> fireOne());
			}
			catch (ConcurrentChange ex) {
				log.debug("A complaint clock met a concurrent change", ex);
				continue;
			}
			if (fired == null || fired.isEmpty()) {
				return escalated;
			}
			escalated += fired.get() ? 1 : 0;
		}
	}

	private Optional<Boolean> fireOne() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Optional<ComplaintRows.Due> due = rows.claimDue(now);
		if (due.isEmpty()) {
			return Optional.empty();
		}
		String clockName = due.get().clock().toLowerCase(Locale.ROOT);
		boolean escalated = rows.find(due.get().complaintId()).map(c -> {
			if (!c.escalate(clockName, now)) {
				return false;
			}
			rows.update(c);
			if (c.number != null) {
				c.newSteps()
					.forEach(step -> orders.appendSystemHistory(c.number, "complaint-escalate",
							ComplaintLines.of(c, step), null));
			}
			c.events().forEach(events::publishEvent);
			return true;
		}).orElse(false);
		rows.fired(due.get(), now);
		return Optional.of(escalated);
	}

}
