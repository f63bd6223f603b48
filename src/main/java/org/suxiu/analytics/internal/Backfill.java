package org.suxiu.analytics.internal;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.workorder.OrderLife;
import org.suxiu.workorder.WorkOrders;

/**
 * Counts the orders that were there before analytics listened (demo history, an upgrade):
 * on the first start, once across instances (an advisory lock and the
 * {@code analytics_state} row), and again on demand. It pages through every order with
 * the work-order module's {@link WorkOrders#lives}; events arriving meanwhile recount
 * their order as usual, and a recount of an order already counted changes nothing.
 */
@Component
class Backfill {

	private static final Logger log = LoggerFactory.getLogger(Backfill.class);

	static final int PAGE = 500;

	private final WorkOrders orders;

	private final Ledger ledger;

	private final Rollups rollups;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TransactionTemplate pages;

	private final Clock clock;

	private final ComplaintCounts complaints;

	Backfill(WorkOrders orders, Ledger ledger, Rollups rollups, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock, ComplaintCounts complaints) {
		this.complaints = complaints;
		this.orders = orders;
		this.ledger = ledger;
		this.rollups = rollups;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.pages = new TransactionTemplate(transactions.getTransactionManager());
		this.pages.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Async
	public void onFirstStart() {
		if (built()) {
			return;
		}
		run(false);
	}

	boolean built() {
		return jdbc.sql("SELECT count(*) FROM analytics_state").query(Long.class).single() > 0;
	}

	/**
	 * Counts every order again; with {@code fromScratch} the roll-ups are emptied first
	 * (as after a change to how they count).
	 * @return how many orders were counted, or -1 if another instance is at it
	 */
	public long run(boolean fromScratch) {
		// the lock lives as long as the outer transaction; each page commits on its own
		Long counted = transactions.execute(outer -> {
			if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(180, 0)").query(Boolean.class).single()) {
				return -1L;
			}
			if (fromScratch) {
				pages.executeWithoutResult(tx -> rollups.clear());
			}
			long total = 0;
			String after = null;
			while (true) {
				List<OrderLife> page = orders.lives(after, PAGE);
				if (page.isEmpty()) {
					break;
				}
				pages.executeWithoutResult(tx -> ledger.recount(page));
				total += page.size();
				after = page.get(page.size() - 1).number();
			}
			if (fromScratch) {
				pages.executeWithoutResult(tx -> complaints.addAll());
			}
			long count = total;
			pages.executeWithoutResult(tx -> jdbc
				.sql("INSERT INTO analytics_state (id, built_at, orders) VALUES (1, ?, ?) "
						+ "ON CONFLICT (id) DO UPDATE SET built_at = EXCLUDED.built_at, orders = EXCLUDED.orders")
				.params(java.sql.Timestamp.from(clock.instant()), count)
				.update());
			return total;
		});
		if (counted >= 0) {
			log.info("Analytics counted {} orders", counted);
		}
		return counted;
	}

}
