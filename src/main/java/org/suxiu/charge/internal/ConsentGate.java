package org.suxiu.charge.internal;

import org.suxiu.charge.ChargeRefused;
import org.springframework.stereotype.Component;
import org.suxiu.workorder.OrderAction;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.OrderGate;

/** Work does not go on, nor is it completed, while a quote waits for the owner. */
@Component
class ConsentGate implements OrderGate {

	private final QuoteRows rows;

	ConsentGate(QuoteRows rows) {
		this.rows = rows;
	}

	@Override
	public void check(OrderFacts order, OrderAction action) {
		if ((action == OrderAction.RESUME || action == OrderAction.COMPLETE) && rows.waitsForOwner(order.number())) {
			throw ChargeRefused.consentPending(order.number());
		}
	}

}
