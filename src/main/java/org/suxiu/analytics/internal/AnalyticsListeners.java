package org.suxiu.analytics.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.charge.PaymentRecorded;
import org.suxiu.charge.QuoteApproved;
import org.suxiu.sla.SlaBreached;
import org.suxiu.workorder.WorkOrderEvent;

/**
 * Keeps the roll-ups up to date: every order, SLA and charge event counts its order
 * again. The events come from Modulith's publication registry after their transaction
 * committed, so a failure here is retried and never touches the order itself.
 */
@Component
class AnalyticsListeners {

	private final Ledger ledger;

	private final OrderRows rows;

	AnalyticsListeners(Ledger ledger, OrderRows rows) {
		this.ledger = ledger;
		this.rows = rows;
	}

	@ApplicationModuleListener
	void on(WorkOrderEvent event) {
		if (event instanceof PaymentRecorded payment) {
			rows.recordCharge("PAID", payment.paymentId(), payment.number(), payment.amountFen());
		}
		else if (event instanceof QuoteApproved quote) {
			rows.recordCharge("APPROVED", quote.quoteId(), quote.number(), quote.approvedFen());
		}
		ledger.recount(event.number());
	}

	@ApplicationModuleListener
	void on(SlaBreached event) {
		ledger.recount(event.number());
	}

}
