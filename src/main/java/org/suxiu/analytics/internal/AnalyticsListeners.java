package org.suxiu.analytics.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
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
 * The order and SLA listeners hand their numbers to the {@link RecountBatcher} and wait
 * for its batch, without a transaction (so without a connection) of their own: Modulith
 * marks the publication completed when the listener returns — after the batch's count
 * committed — or failed (resubmitted later) when the batch failed. They run on the task
 * executor like every module listener; its threads ({@code spring.task.execution.pool})
 * bound how many events can wait on one batch. (Run on the publishing thread instead,
 * returning the future, Modulith would open a second transaction while the request's
 * connection is still held — eight requests doing that at once exhaust the pool.)
 */
@Component
class AnalyticsListeners {

	private final RecountBatcher recounts;

	private final ComplaintCounts complaints;

	AnalyticsListeners(RecountBatcher recounts, ComplaintCounts complaints) {
		this.recounts = recounts;
		this.complaints = complaints;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(WorkOrderEvent event) {
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
			await(recounts.recount(java.util.Arrays.asList(judged.number(), judged.reworkOf()), charges));
			return;
		}
		await(recounts.recount(List.of(event.number()), charges));
	}

	@ApplicationModuleListener
	void on(ComplaintOpened event) {
		complaints.count(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SlaBreached event) {
		await(recounts.recount(List.of(event.number()), List.of()));
	}

	/** Waits for the batch; its failure is this listener's, so the event comes again. */
	static void await(CompletableFuture<Void> counted) {
		try {
			counted.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Analytics recount took longer than " + WAIT, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the analytics recount", ex);
		}
	}

	/** How long an event waits for its batch before it fails (and comes again later). */
	private static final java.time.Duration WAIT = java.time.Duration.ofMinutes(2);

}
