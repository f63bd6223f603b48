package org.suxiu.dispatch;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.suxiu.sla.AutoDispatchRequested;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.WorkOrders;

/**
 * Sends an emergency nobody dispatched in time to the first recommendation, in the
 * transaction of the SLA timer that flagged it; recorded in the history as the system's
 * dispatch.
 */
@Component
class AutoDispatcher {

	private final Recommendations recommendations;

	private final WorkOrders orders;

	AutoDispatcher(Recommendations recommendations, WorkOrders orders) {
		this.recommendations = recommendations;
		this.orders = orders;
	}

	@EventListener
	void on(AutoDispatchRequested event) {
		OrderFacts order = orders.facts(event.number()).orElse(null);
		if (order == null) {
			return;
		}
		List<Proposal> proposals = recommendations.rank(order);
		if (proposals.isEmpty()) {
			orders.appendSystemHistory(event.number(), "auto-dispatch-failed", "无可用技师 no qualified technician on duty",
					null);
			return;
		}
		Proposal first = proposals.get(0);
		orders.dispatchAutomatically(event.number(), first.technicianId(),
				String.valueOf(first.reasons().get("summary")));
	}

}
