package org.suxiu.wechat;

import java.time.Clock;
import java.util.Locale;

import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the Official Account answers a follower: the report link for the text 报修 (or
 * "report"), the menu key {@code REPORT} and a new follow; nothing for anything else.
 */
@Component
class CallbackReplies {

	/** The menu button's key to set in 自定义菜单 (a click button). */
	static final String REPORT_KEY = "REPORT";

	private final WechatAccounts accounts;

	private final MessageSource messages;

	private final Clock clock;

	CallbackReplies(WechatAccounts accounts, MessageSource messages, Clock clock) {
		this.accounts = accounts;
		this.messages = messages;
		this.clock = clock;
	}

	/** The passive reply, or {@code null} for none. */
	WxMpXmlOutMessage replyTo(WxMpXmlMessage message) {
		if (!wantsToReport(message)) {
			return null;
		}
		String link = accounts.linkTo("/owner/report");
		// a follower's language is not known: Chinese first, then English
		String text = messages.getMessage("wechat.reply.report", new Object[] { link }, Locale.SIMPLIFIED_CHINESE)
				+ "\n\n" + messages.getMessage("wechat.reply.report", new Object[] { link }, Locale.ENGLISH);
		WxMpXmlOutMessage reply = WxMpXmlOutMessage.TEXT()
			.content(text)
			.fromUser(message.getToUser())
			.toUser(message.getFromUser())
			.build();
		reply.setCreateTime(clock.instant().getEpochSecond());
		return reply;
	}

	private static boolean wantsToReport(WxMpXmlMessage message) {
		String type = message.getMsgType();
		if (WxConsts.XmlMsgType.TEXT.equals(type)) {
			String text = message.getContent() == null ? "" : message.getContent().trim();
			return text.contains("报修") || text.equalsIgnoreCase("report") || text.equalsIgnoreCase("repair");
		}
		if (WxConsts.XmlMsgType.EVENT.equals(type)) {
			String event = message.getEvent() == null ? "" : message.getEvent();
			return WxConsts.EventType.SUBSCRIBE.equalsIgnoreCase(event)
					|| WxConsts.EventType.CLICK.equalsIgnoreCase(event) && REPORT_KEY.equals(message.getEventKey());
		}
		return false;
	}

}
