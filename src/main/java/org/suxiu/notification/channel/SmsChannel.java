package org.suxiu.notification.channel;

import org.suxiu.notification.Channel;
import org.suxiu.notification.DeliveryResult;
import org.suxiu.notification.MessageChannel;
import org.suxiu.notification.OutgoingMessage;
import org.suxiu.notification.SmsGateway;

/**
 * SMS through whichever {@link SmsGateway} is configured.
 */
class SmsChannel implements MessageChannel {

	private final SmsGateway gateway;

	SmsChannel(SmsGateway gateway) {
		this.gateway = gateway;
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public DeliveryResult send(OutgoingMessage message) {
		return gateway.send(new SmsGateway.Sms(message.recipient(), message.template(), message.locale(),
				message.params(), message.body(), message.reference()));
	}

}
