package org.suxiu.charge;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * A charge step the rules refuse, named by its problem type: {@code consent-pending},
 * {@code quote-decided}, {@code out-of-stock} (409) and {@code overpayment},
 * {@code nothing-to-return}, {@code payment-not-confirmed} (422).
 */
public class ChargeRefused extends DomainException {

	private ChargeRefused(String type, HttpStatus status, String title, String detail) {
		super(type, status, title, detail);
	}

	public static ChargeRefused consentPending(String number) {
		return new ChargeRefused("consent-pending", HttpStatus.CONFLICT, "Waiting for the owner's consent",
				"工单 " + number + " 的报价待业主确认 the quote of " + number + " waits for the owner's consent");
	}

	static ChargeRefused decided(long quoteId, QuoteStatus status) {
		return new ChargeRefused("quote-decided", HttpStatus.CONFLICT, "Quote already answered",
				"报价已处理，不能再更改 quote " + quoteId + " is already " + status + "; a change needs a new quote");
	}

	static ChargeRefused outOfStock(String itemCode, int quantity) {
		return new ChargeRefused("out-of-stock", HttpStatus.CONFLICT, "Not enough in stock",
				"库存不足 fewer than " + quantity + " of " + itemCode + " in stock");
	}

	static ChargeRefused overpayment(long amountFen, long outstandingFen) {
		return new ChargeRefused("overpayment", HttpStatus.UNPROCESSABLE_CONTENT, "More than owed",
				"金额超过应付 " + Fen.yuan(amountFen) + " is more than the " + Fen.yuan(outstandingFen) + " owed");
	}

	static ChargeRefused nothingToReturn(String itemCode, int quantity) {
		return new ChargeRefused("nothing-to-return", HttpStatus.UNPROCESSABLE_CONTENT, "Not issued to this order",
				"退料超过领料 fewer than " + quantity + " of " + itemCode + " were issued to this order");
	}

	static ChargeRefused notConfirmed(String reference) {
		return new ChargeRefused("payment-not-confirmed", HttpStatus.UNPROCESSABLE_CONTENT, "Payment not confirmed",
				"支付未确认 the payment provider does not confirm " + reference);
	}

}
