package org.suxiu.analytics.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
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
 * <p>
 * The order and SLA listeners only hand their numbers to the {@link RecountBatcher} and
 * return its future: they run right after the commit on the publishing thread, hold no
 * thread and no connection while the batch gathers, and Modulith marks the publication
 * completed when the future completes — after the batch's count committed — or leaves it
 * incomplete (failed, resubmitted later) when it fails.
 */
@Component
class AnalyticsListeners {

	private final RecountBatcher recounts;

	private final ComplaintCounts complaints;

	AnalyticsListeners(RecountBatcher recounts, ComplaintCounts complaints) {
		this.recounts = recounts;
		this.complaints = complaints;
	}

	@TransactionalEventListener
	CompletableFuture<Void> on(WorkOrderEvent event) {
		List<RecountBatcher.Charge> charges = List.of();
		if (event instanceof PaymentRecorded payment) {
			charges = List
				.of(new RecountBatcher.Charge("PAID", payment.paymentId(), payment.number(), payment.amountFen()));
		}
		else if (event instanceof QuoteApproved quote) {
			charges = List
				.of(new RecountBatcher.Charge("APPROVED", quote.quoteId(), quote.number(), quote.approvedFen()));
		}
		if (event instanceof ReworkJudged judged) {
			// a confirmed rework is the earlier repair's failed first-time fix; a
			// dismissed
			// one no longer is
			return recounts.recount(java.util.Arrays.asList(judged.number(), judged.reworkOf()), charges);
		}
		return recounts.recount(List.of(event.number()), charges);
	}

	@ApplicationModuleListener
	void on(ComplaintOpened event) {
		complaints.count(event);
	}

	@TransactionalEventListener
	CompletableFuture<Void> on(SlaBreached event) {
		return recounts.recount(List.of(event.number()), List.of());
	}

}
