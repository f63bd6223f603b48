package org.suxiu.charge;

import java.time.Instant;

import org.suxiu.workorder.WorkOrderEvent;

/**
 * The owner refused a quote (业主拒绝报价).
 *
 * @param number the order
 * @param tenantId property company
 * @param quoteId the quote
 * @param reason why
 * @param calloutFen the call-out fee now owed, 0 for none
 * @param at when
 */
public record QuoteRefused(String number, long tenantId, long quoteId, String reason, long calloutFen,
		Instant at) implements WorkOrderEvent {
}
