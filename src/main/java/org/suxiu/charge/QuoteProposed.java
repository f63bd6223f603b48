package org.suxiu.charge;

import java.time.Instant;

import org.suxiu.workorder.WorkOrderEvent;

/**
 * A quote with paid items waits for the owner (待业主确认报价).
 *
 * @param number the order
 * @param tenantId property company
 * @param quoteId the quote
 * @param payableFen what the owner would pay
 * @param consentLink the one-time link for the owner's SMS (carries the code)
 * @param at when
 */
public record QuoteProposed(String number, long tenantId, long quoteId, long payableFen, String consentLink,
		Instant at) implements WorkOrderEvent {
}
