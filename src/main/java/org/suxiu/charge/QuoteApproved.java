package org.suxiu.charge;

import java.time.Instant;

import org.suxiu.workorder.WorkOrderEvent;

/**
 * The owner approved a quote (业主已确认报价), or it needed no approval.
 *
 * @param number the order
 * @param tenantId property company
 * @param quoteId the quote
 * @param approvedFen the exact amount approved
 * @param how how the owner answered
 * @param at when
 */
public record QuoteApproved(String number, long tenantId, long quoteId, long approvedFen, ConsentHow how,
		Instant at) implements WorkOrderEvent {
}
