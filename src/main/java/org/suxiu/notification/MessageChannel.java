package org.suxiu.notification;

/**
 * One way of delivering messages (SMS, e-mail, in-app, WeChat). The delivery poller hands
 * each due message to the channel of its row; a channel sends it and says what happened,
 * and never retries by itself.
 */
public interface MessageChannel {

	Channel channel();

	/** Sends one message; exceptions count as a failure worth retrying. */
	DeliveryResult send(OutgoingMessage message);

}
