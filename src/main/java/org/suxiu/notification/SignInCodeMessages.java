package org.suxiu.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suxiu.shared.SignInCodeSender;

/**
 * Sends sign-in codes straight through the SMS gateway, in the owner's language. A code
 * is worth nothing after five minutes, so it is not queued for retries: if the provider
 * refuses, the owner asks again. The log row keeps the code masked.
 */
@Component
class SignInCodeMessages implements SignInCodeSender {

	private final SmsGateway gateway;

	private final Templates templates;

	private final Recipients recipients;

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInCodeMessages(SmsGateway gateway, Templates templates, Recipients recipients, JdbcClient jdbc, Clock clock) {
		this.gateway = gateway;
		this.templates = templates;
		this.recipients = recipients;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean send(String phone, String code, Duration validFor) {
		String language = recipients.ownerByPhone(phone).map(Recipient::language).orElse(Languages.CHINESE);
		Map<String, Object> params = Map.of("code", code, "minutes", validFor.toMinutes());
		Templates.Rendered text = templates.render(Kind.SIGN_IN_CODE, language, Channel.SMS, params);
		String reference = "code-" + UUID.randomUUID();
		DeliveryResult result;
		try {
			result = gateway.send(new SmsGateway.Sms(phone, Kind.SIGN_IN_CODE.name(), language, text.params(),
					text.body(), reference));
		}
		catch (RuntimeException ex) {
			result = DeliveryResult.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		boolean sent = result.outcome() == DeliveryResult.Outcome.SENT;
		Templates.Rendered masked = templates.render(Kind.SIGN_IN_CODE, language, Channel.SMS,
				Map.of("code", "******", "minutes", validFor.toMinutes()));
		Instant now = clock.instant();
		jdbc.sql(
				"""
						INSERT INTO notification_message (dedupe_key, kind, recipient_key, recipient, recipient_username, channel,
						    locale, params, subject, body, urgent, quiet_hours, status, attempts, next_attempt_at,
						    provider_message_id, last_error, created_at, sent_at, failed_at)
						VALUES (?, 'SIGN_IN_CODE', ?, ?, ?, 'SMS', ?, CAST('{}' AS JSONB), ?, ?, TRUE, FALSE, ?, 1, ?, ?, ?, ?, ?, ?)
						""")
			.params(reference, "phone:" + phone, phone, phone, language, masked.subject(), masked.body(),
					sent ? "SENT" : "FAILED", Timestamp.from(now), result.providerMessageId(), result.error(),
					Timestamp.from(now), sent ? Timestamp.from(now) : null, sent ? null : Timestamp.from(now))
			.update();
		return sent;
	}

}
