package org.suxiu.analytics.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.OrderClocks;
import org.suxiu.workorder.OrderLife;
import org.suxiu.workorder.SlaSnapshot;
import org.suxiu.workorder.WorkOrders;

/**
 * Counts orders into the roll-ups: reads each order as it stands now through the
 * work-order module's face (and its clocks through the SLA engine's answer), and moves
 * the roll-ups by the difference from what the order counted before. Counting an order
 * twice, or its events out of order, changes nothing: the last count always describes the
 * order as it is.
 */
@Service
class Ledger {

	private final WorkOrders orders;

	private final OrderClocks clocks;

	private final OrderRows rows;

	private final Rollups rollups;

	private final SuxiuProperties properties;

	Ledger(WorkOrders orders, OrderClocks clocks, OrderRows rows, Rollups rollups, SuxiuProperties properties) {
		this.orders = orders;
		this.clocks = clocks;
		this.rows = rows;
		this.rollups = rollups;
		this.properties = properties;
	}

	/**
	 * Records the charges (each once), then counts these orders again as they stand, all
	 * read together: one statement for their lives, one for their clocks, one for their
	 * charges, one for their locks and rows, and one per roll-up table.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void recountBatch(java.util.Collection<String> numbers, List<RecountBatcher.Charge> charges) {
		rows.recordCharges(charges);
		if (numbers.isEmpty()) {
			return;
		}
		// locked before the orders are read: whatever another instance counted of them
		// before it let go, what is read now is at least as new
		Map<String, OrderRow> before = rows.lock(numbers);
		count(orders.lives(numbers), before);
	}

	/** Counts these orders again as they stand, in one transaction. */
	@Transactional(propagation = Propagation.REQUIRED)
	public void recount(List<OrderLife> lives) {
		if (lives.isEmpty()) {
			return;
		}
		count(lives, rows.lock(lives.stream().map(OrderLife::number).toList()));
	}

	private void count(List<OrderLife> lives, Map<String, OrderRow> before) {
		if (lives.isEmpty()) {
			return;
		}
		List<String> numbers = lives.stream().map(OrderLife::number).toList();
		Map<String, List<SlaSnapshot>> clocksOf = clocks.of(numbers);
		Map<String, long[]> charges = rows.charges(numbers);
		Map<RollupKey, Tally> differences = new HashMap<>();
		List<OrderRow> changed = new java.util.ArrayList<>();
		for (OrderLife life : lives) {
			long[] fen = charges.getOrDefault(life.number(), new long[2]);
			OrderRow now = OrderRow.of(life, clocksOf.getOrDefault(life.number(), List.of()), fen[0], fen[1],
					properties.zone());
			OrderRow was = before.get(life.number());
			if (now.equals(was)) {
				continue;
			}
			changed.add(now);
			if (was != null) {
				was.parts().forEach((key, part) -> differences.computeIfAbsent(key, k -> new Tally()).plus(part, -1));
			}
			now.parts().forEach((key, part) -> differences.computeIfAbsent(key, k -> new Tally()).plus(part, 1));
		}
		rows.save(changed);
		rollups.add(differences);
	}

}
