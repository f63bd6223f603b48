package org.suxiu.charge;

import java.time.Instant;

/**
 * A payment recorded by staff, shown as a receipt (收据).
 *
 * @param id the receipt number
 * @param number the order
 * @param projectName the project
 * @param place where the work was done
 * @param amountFen how much was paid
 * @param method how
 * @param reference the payment provider's transaction id, or {@code null}
 * @param recordedBy the staff member's name
 * @param recordedAt when
 * @param owedFen what the order owed in all at that moment
 * @param paidFen what had been paid in all, this payment included
 */
public record Payment(long id, String number, String projectName, String place, long amountFen, PaymentMethod method,
		String reference, String recordedBy, Instant recordedAt, long owedFen, long paidFen) {

	/** What remains owed after this payment. */
	@com.fasterxml.jackson.annotation.JsonProperty
	public long outstandingFen() {
		return owedFen - paidFen;
	}

}
