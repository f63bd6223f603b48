package org.suxiu.charge;

/**
 * Where a payment by WeChat Pay or Alipay is confirmed before it is recorded. The default
 * records what staff saw on the owner's phone; an adapter asks the provider (see
 * {@code suxiu.charge.gateway.url}).
 */
public interface PaymentGateway {

	/**
	 * Whether the provider confirms the payment.
	 * @param number the order
	 * @param method WECHAT or ALIPAY
	 * @param reference the provider's transaction id as staff typed it, or {@code null}
	 * @param amountFen the amount staff say was paid
	 */
	Confirmation confirm(String number, PaymentMethod method, String reference, long amountFen);

	/**
	 * The provider's answer.
	 *
	 * @param confirmed whether it confirms the amount
	 * @param reference its transaction id
	 */
	record Confirmation(boolean confirmed, String reference) {
	}

}
