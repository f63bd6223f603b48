package org.suxiu.charge;

import java.time.Instant;

import org.suxiu.workorder.WorkOrderEvent;

/**
 * A quote with paid items waits for the owner (待业主确认报价). It carries the quote's id, not
 * the one-time link: the notice asks {@link Quotes#consentLink} for it, so the secret
 * stays in the charge module's own table.
 *
 * @param number the order
 * @param tenantId property company
 * @param quoteId the quote
 * @param payableFen what the owner would pay
 * @param at when
 */
public record QuoteProposed(String number, long tenantId, long quoteId, long payableFen,
		Instant at) implements WorkOrderEvent {
}
