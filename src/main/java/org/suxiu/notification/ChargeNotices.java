package org.suxiu.notification;

import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.charge.Fen;
import org.suxiu.charge.PaymentRecorded;
import org.suxiu.charge.QuoteProposed;
import org.suxiu.charge.Quotes;
import org.suxiu.charge.StockRunningLow;
import org.suxiu.shared.Role;
import org.suxiu.workorder.WorkOrders;

/**
 * Tells the owner of a quote waiting for them and of each receipt, and supervisors of
 * stock running low; like {@link OrderNotices}, each handler runs after the change
 * committed and its dedupe keys make a second run write nothing.
 */
@Component
class ChargeNotices {

	private final WorkOrders orders;

	private final Recipients recipients;

	private final Outbox outbox;

	private final Quotes quotes;

	ChargeNotices(WorkOrders orders, Recipients recipients, Outbox outbox, Quotes quotes) {
		this.quotes = quotes;
		this.orders = orders;
		this.recipients = recipients;
		this.outbox = outbox;
	}

	/** Urgent whatever the grade: the technician waits at the door for the answer. */
	@ApplicationModuleListener
	void on(QuoteProposed event) {
		// answered already (or the link expired): nothing to ask the owner any more
		quotes.consentLink(event.quoteId())
			.ifPresent(link -> orders.facts(event.number())
				.ifPresent(
						order -> outbox.record(OrderNotices.notice(event, Kind.OWNER_QUOTE, recipients.reporter(order),
								order, true, Map.of("amount", Fen.yuan(event.payableFen()), "link", link)))));
	}

	@ApplicationModuleListener
	void on(PaymentRecorded event) {
		orders.facts(event.number())
			.ifPresent(order -> outbox.record(OrderNotices.notice(event, Kind.OWNER_RECEIPT, recipients.reporter(order),
					order, false, Map.of("amount", Fen.yuan(event.amountFen()), "method",
							new Templates.Label("payment." + event.method()), "receipt", event.paymentId()))));
	}

	@ApplicationModuleListener
	void on(StockRunningLow event) {
		String key = "StockRunningLow:" + event.projectId() + ":" + event.itemCode() + ":" + event.at();
		for (Recipient supervisor : recipients.staffOf(event.tenantId(), event.projectId(), Role.SUPERVISOR)) {
			outbox.record(new Notice(key, Kind.SUPERVISOR_LOW_STOCK, supervisor,
					Map.of("item", event.name(), "onHand", event.onHand()), event.tenantId(), null, true, false, null));
		}
	}

}
