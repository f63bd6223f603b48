package org.suxiu.wechat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;

import org.springframework.stereotype.Component;

/**
 * Template messages to owners who follow the Official Account, for the notification
 * module's WECHAT channel: says whether WeChat took the message, refused it for good (the
 * owner refused such messages, 43101; unfollowed, 43004; no template) so that the owner
 * is told by SMS instead, or was busy and it is worth trying again.
 */
@Component
public class WechatMessages {

	/** WeChat is busy or throttling: try again later. */
	private static final Set<Integer> BUSY = Set.of(-1, 45009, 45047, 40001, 40014, 42001);

	private final OfficialAccount official;

	private final WechatAccounts accounts;

	WechatMessages(OfficialAccount official, WechatAccounts accounts) {
		this.official = official;
		this.accounts = accounts;
	}

	public boolean enabled() {
		return official.enabled();
	}

	/** Sends one template message; never throws for WeChat's answers. */
	public Result send(TemplateMessage message) {
		WechatProperties.Template template = templateFor(message.kind());
		if (template == null) {
			return new Result(Outcome.REFUSED, null, 0, "no WeChat template for " + message.kind());
		}
		WxMpTemplateMessage wx = WxMpTemplateMessage.builder()
			.toUser(message.openid())
			.templateId(template.id())
			.url(message.ownerPage() == null ? null : accounts.linkTo(message.ownerPage()))
			.clientMsgId(message.reference())
			.build();
		values(template, message).forEach((key, value) -> wx.addData(new WxMpTemplateData(key, value)));
		try {
			String id = official.service().getTemplateMsgService().sendTemplateMsg(wx);
			return new Result(Outcome.SENT, id, 0, null);
		}
		catch (WxErrorException ex) {
			int code = ex.getError() == null ? -1 : ex.getError().getErrorCode();
			String error = code + " " + (ex.getError() == null ? ex.getMessage() : ex.getError().getErrorMsg());
			return new Result(BUSY.contains(code) || ex.getError() == null ? Outcome.RETRY : Outcome.REFUSED, null,
					code, error);
		}
		catch (WxRuntimeException ex) {
			return new Result(Outcome.RETRY, null, -1, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private WechatProperties.Template templateFor(String kind) {
		Map<String, WechatProperties.Template> templates = official.properties().mp().templates();
		for (var entry : templates.entrySet()) {
			if (normalise(entry.getKey()).equals(normalise(kind)) && entry.getValue().id() != null) {
				return entry.getValue();
			}
		}
		String fallback = official.properties().mp().defaultTemplateId();
		return fallback == null || fallback.isBlank() ? null : new WechatProperties.Template(fallback, Map.of());
	}

	/**
	 * The template's keywords filled from the notice: as configured, else every parameter
	 * under its own name and the whole text as {@code content}. WeChat cuts a
	 * {@code thing} keyword at 20 characters, so it is cut here with an ellipsis.
	 */
	private static Map<String, String> values(WechatProperties.Template template, TemplateMessage message) {
		Map<String, String> source = new LinkedHashMap<>(message.params());
		source.put("subject", message.subject() == null ? "" : message.subject());
		source.put("body", message.body());
		Map<String, String> values = new LinkedHashMap<>();
		if (template.fields().isEmpty()) {
			message.params().forEach(values::put);
			values.put("title", source.get("subject"));
			values.put("content", message.body());
		}
		else {
			template.fields().forEach((keyword, name) -> values.put(keyword, source.getOrDefault(name, name)));
		}
		values
			.replaceAll((keyword, value) -> keyword.startsWith("thing") && value.codePointCount(0, value.length()) > 20
					? value.substring(0, value.offsetByCodePoints(0, 19)) + "…" : value);
		return values;
	}

	private static String normalise(String kind) {
		return kind.toUpperCase(Locale.ROOT).replace('-', '_');
	}

	/**
	 * @param openid the owner's openid on the Official Account
	 * @param kind the notice's kind, which picks the template
	 * @param subject a title, or {@code null}
	 * @param body the whole text
	 * @param params the notice's values as text
	 * @param ownerPage the owner page the message opens ({@code /owner/orders/BX…}), or
	 * {@code null}
	 * @param reference our id for the message, WeChat's {@code client_msg_id} (the same
	 * on each attempt)
	 */
	public record TemplateMessage(String openid, String kind, String subject, String body, Map<String, String> params,
			String ownerPage, String reference) {

		public TemplateMessage {
			params = params == null ? Map.of() : Map.copyOf(params);
		}

	}

	/**
	 * @param outcome what came of it
	 * @param messageId WeChat's {@code msgid} when sent
	 * @param errorCode WeChat's {@code errcode}, 0 when sent
	 * @param error what WeChat said
	 */
	public record Result(Outcome outcome, String messageId, int errorCode, String error) {
	}

	/** Sent, refused for good (tell the owner another way), or worth another try. */
	public enum Outcome {

		SENT, REFUSED, RETRY

	}

}
