package org.suxiu.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When WeChat will not deliver a message (the owner refused template messages, 43101; no
 * longer follows; WeChat failed for an hour), the owner is told by SMS instead: a new SMS
 * row in the same transaction that fails the WeChat row, pointing at it and saying why,
 * so the message log shows both.
 */
@Component
class WechatFallback {

	private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Templates templates;

	WechatFallback(JdbcClient jdbc, JsonMapper json, Templates templates) {
		this.jdbc = jdbc;
		this.json = json;
		this.templates = templates;
	}

	/**
	 * Writes the SMS that replaces a failed WeChat message.
	 * @return whether there is one (the owner has a mobile number)
	 */
	boolean toSms(long wechatMessageId, String error, Instant now) {
		var failed = jdbc.sql(
				"SELECT kind, locale, params, fallback_phone FROM notification_message WHERE id = ? AND channel = 'WECHAT'")
			.param(wechatMessageId)
			.query((rs, n) -> new Failed(Kind.valueOf(rs.getString("kind")), rs.getString("locale"),
					json.readValue(rs.getString("params"), PARAMS), rs.getString("fallback_phone")))
			.optional();
		if (failed.isEmpty() || failed.get().phone() == null) {
			return false;
		}
		Templates.Rendered text = templates.render(failed.get().kind(), failed.get().locale(), Channel.SMS,
				failed.get().params());
		String reason = "WECHAT: " + (error == null ? "refused" : error);
		// quiet hours hold owners' SMS about L3/L4 orders, as if SMS had been the choice
		jdbc.sql("""
				INSERT INTO notification_message (dedupe_key, tenant_id, order_number, kind, recipient_key, recipient,
				    recipient_username, recipient_name, channel, locale, params, subject, body, urgent, quiet_hours,
				    status, next_attempt_at, created_at, grade, priority, fallback_of, fallback_reason)
				SELECT dedupe_key || ':sms-fallback', tenant_id, order_number, kind, recipient_key, :phone,
				    recipient_username, recipient_name, 'SMS', locale, CAST(:params AS JSONB), :subject, :body, urgent,
				    NOT urgent AND grade IN ('L3', 'L4'), 'PENDING', :now, :now, grade, priority, id, :reason
				FROM notification_message WHERE id = :id
				ON CONFLICT (dedupe_key) DO NOTHING
				""")
			.param("phone", failed.get().phone())
			.param("params", json.writeValueAsString(text.params()))
			.param("subject", text.subject())
			.param("body", text.body())
			.param("now", Timestamp.from(now))
			.param("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
			.param("id", wechatMessageId)
			.update();
		return true;
	}

	private record Failed(Kind kind, String locale, Map<String, String> params, String phone) {
	}

}
