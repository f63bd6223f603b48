package org.suxiu.notification;

/**
 * What a channel made of one attempt.
 *
 * @param outcome sent, worth retrying, or refused for good
 * @param providerMessageId the provider's id for a sent message
 * @param error why it was not sent
 */
public record DeliveryResult(Outcome outcome, String providerMessageId, String error) {

	public static DeliveryResult sent(String providerMessageId) {
		return new DeliveryResult(Outcome.SENT, providerMessageId, null);
	}

	/** The provider is down, slow or throttling: try again later. */
	public static DeliveryResult retry(String error) {
		return new DeliveryResult(Outcome.RETRY, null, error);
	}

	/**
	 * The provider refused the message itself (bad number, template): retrying is
	 * useless.
	 */
	public static DeliveryResult rejected(String error) {
		return new DeliveryResult(Outcome.REJECTED, null, error);
	}

	/** What an attempt came to. */
	public enum Outcome {

		SENT, RETRY, REJECTED

	}

}
