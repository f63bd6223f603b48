package org.suxiu.notification.channel;

import org.suxiu.notification.Channel;
import org.suxiu.notification.DeliveryResult;
import org.suxiu.notification.MessageChannel;
import org.suxiu.notification.OutgoingMessage;
import org.suxiu.wechat.WechatMessages;

/**
 * WeChat template messages (channel WECHAT) to owners bound to the Official Account; a
 * message about an order opens the owner's order page. WeChat's refusal (the owner
 * refused such messages, unfollowed, no template) is final, so the owner is told by SMS
 * instead.
 */
class WechatChannel implements MessageChannel {

	private final WechatMessages wechat;

	WechatChannel(WechatMessages wechat) {
		this.wechat = wechat;
	}

	@Override
	public Channel channel() {
		return Channel.WECHAT;
	}

	@Override
	public DeliveryResult send(OutgoingMessage message) {
		if (!wechat.enabled()) {
			return DeliveryResult.rejected("WeChat is not configured");
		}
		String number = message.params().get("number");
		WechatMessages.Result result = wechat.send(new WechatMessages.TemplateMessage(message.recipient(),
				message.template(), message.subject(), message.body(), message.params(),
				number == null ? "/owner" : "/owner/orders/" + number, message.reference()));
		return switch (result.outcome()) {
			case SENT -> DeliveryResult.sent(result.messageId());
			case REFUSED -> DeliveryResult.rejected(result.error());
			case RETRY -> DeliveryResult.retry(result.error());
		};
	}

}
