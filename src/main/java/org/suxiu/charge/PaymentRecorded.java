package org.suxiu.charge;

import java.time.Instant;

/**
 * Staff recorded a payment (已收款).
 *
 * @param number the order
 * @param tenantId property company
 * @param paymentId the receipt
 * @param amountFen how much
 * @param method how
 * @param outstandingFen what remains owed
 * @param at when
 */
public record PaymentRecorded(String number, long tenantId, long paymentId, long amountFen, PaymentMethod method,
		long outstandingFen, Instant at) implements org.suxiu.workorder.WorkOrderEvent {
}
