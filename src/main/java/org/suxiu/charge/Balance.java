package org.suxiu.charge;

/**
 * What an order owes: approved quotes and call-out fees, what was paid, what remains.
 *
 * @param number the order
 * @param place where
 * @param owedFen approved payable amounts plus call-out fees
 * @param paidFen payments recorded
 */
public record Balance(String number, String place, long owedFen, long paidFen) {

	@com.fasterxml.jackson.annotation.JsonProperty
	public long outstandingFen() {
		return owedFen - paidFen;
	}

}
