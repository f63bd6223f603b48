package org.suxiu.analytics.internal;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.charge.PaymentRecorded;
import org.suxiu.charge.QuoteApproved;
import org.suxiu.complaint.ComplaintOpened;
import org.suxiu.sla.SlaBreached;
import org.suxiu.workorder.ReworkJudged;
import org.suxiu.workorder.WorkOrderEvent;

/**
 * Keeps the roll-ups up to date: every order, SLA and charge event counts its order again
 * (a judged probable rework its earlier order too), and each complaint opened is counted
 * once. The events come from Modulith's publication registry after their transaction
 * committed, so a failure here is retried and never touches the order itself.
 */
@Component
class AnalyticsListeners {

	private final Ledger ledger;

	private final OrderRows rows;

	private final ComplaintCounts complaints;

	AnalyticsListeners(Ledger ledger, OrderRows rows, ComplaintCounts complaints) {
		this.ledger = ledger;
		this.rows = rows;
		this.complaints = complaints;
	}

	@ApplicationModuleListener
	void on(WorkOrderEvent event) {
		if (event instanceof PaymentRecorded payment) {
			rows.recordCharge("PAID", payment.paymentId(), payment.number(), payment.amountFen());
		}
		else if (event instanceof QuoteApproved quote) {
			rows.recordCharge("APPROVED", quote.quoteId(), quote.number(), quote.approvedFen());
		}
		if (event instanceof ReworkJudged judged) {
			// a confirmed rework is the earlier repair's failed first-time fix; a
			// dismissed
			// one no longer is
			ledger.recountNumbers(List.of(judged.number(), judged.reworkOf()));
			return;
		}
		ledger.recount(event.number());
	}

	@ApplicationModuleListener
	void on(ComplaintOpened event) {
		complaints.count(event);
	}

	@ApplicationModuleListener
	void on(SlaBreached event) {
		ledger.recount(event.number());
	}

}
