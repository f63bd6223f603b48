package org.suxiu.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suxiu.shared.PhoneNumber;

/**
 * Writes notices as message rows, one per channel the recipient is reached on, in the
 * caller's transaction. A row whose dedupe key exists already is skipped: handling the
 * same event again sends nothing twice.
 */
@Component
class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Templates templates;

	private final Recipients recipients;

	private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);

	private final Clock clock;

	Outbox(JdbcClient jdbc, JsonMapper json, Templates templates, Recipients recipients, List<MessageChannel> channels,
			Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.templates = templates;
		this.recipients = recipients;
		this.clock = clock;
		channels.forEach(channel -> this.channels.put(channel.channel(), channel));
	}

	/** The channels this installation can send on. */
	List<Channel> available() {
		return List.copyOf(channels.keySet());
	}

	/**
	 * @return how many new rows were written
	 */
	int record(Notice notice) {
		List<Channel> reach = channelsFor(notice.recipient());
		if (reach.isEmpty()) {
			return unreachable(notice);
		}
		Instant now = clock.instant();
		Recipient recipient = notice.recipient();
		String smsInstead = wechatUnbound(recipient) && !recipient.channels().contains(Channel.SMS) ? FALLBACK_UNBOUND
				: null;
		int written = 0;
		for (Channel channel : reach) {
			Templates.Rendered text = templates.render(notice.kind(), recipient.language(), channel, notice.params());
			Fallback fallback = channel == Channel.WECHAT ? new Fallback(recipient.address(Channel.SMS), null)
					: channel == Channel.SMS ? new Fallback(null, smsInstead) : Fallback.NONE;
			written += insert(notice, channel, recipient.address(channel), text, "PENDING", null, now, fallback) == null
					? 0 : 1;
		}
		return written;
	}

	/** Why an SMS went instead of a WeChat message the owner asked for. */
	static final String FALLBACK_UNBOUND = "WECHAT: no WeChat account bound 未绑定微信";

	/** The owner asked for WeChat, which this installation offers, but has no openid. */
	private boolean wechatUnbound(Recipient recipient) {
		return recipient.channels().contains(Channel.WECHAT) && channels.containsKey(Channel.WECHAT)
				&& recipient.address(Channel.WECHAT) == null;
	}

	/**
	 * @param phone for a WeChat row: the number to text if WeChat refuses
	 * @param reason for an SMS row: why it replaces a WeChat message
	 */
	private record Fallback(String phone, String reason) {

		static final Fallback NONE = new Fallback(null, null);

	}

	/**
	 * Tells the tenant's administrators that a message could not be delivered; never
	 * about an alert itself.
	 */
	void alertAdministrators(Long tenantId, String messageId, Kind kind, Channel channel, String recipient,
			int attempts, String error) {
		log.error("Message #{} ({} {} to {}) failed after {} attempts: {}", messageId, kind, channel, mask(recipient),
				attempts, error);
		if (kind == Kind.ADMIN_DELIVERY_FAILED || tenantId == null) {
			return;
		}
		for (Recipient admin : recipients.administrators(tenantId)) {
			record(new Notice("delivery-failed:" + messageId, Kind.ADMIN_DELIVERY_FAILED, admin,
					Map.of("messageId", messageId, "channel", channel, "recipient", mask(recipient), "attempts",
							attempts, "error", error == null ? "" : error),
					tenantId, null, true, false, null));
		}
	}

	/** The preferred channels that can reach the person, else SMS, else e-mail. */
	List<Channel> channelsFor(Recipient recipient) {
		List<Channel> reach = new ArrayList<>();
		for (Channel channel : recipient.channels()) {
			if (channels.containsKey(channel) && recipient.address(channel) != null) {
				reach.add(channel);
			}
		}
		// WeChat asked for but not bound: SMS as well, whatever else reaches them
		if (wechatUnbound(recipient) && !reach.contains(Channel.SMS) && channels.containsKey(Channel.SMS)
				&& recipient.address(Channel.SMS) != null) {
			reach.add(Channel.SMS);
		}
		for (Channel fallback : List.of(Channel.SMS, Channel.EMAIL)) {
			if (reach.isEmpty() && channels.containsKey(fallback) && recipient.address(fallback) != null) {
				reach.add(fallback);
			}
		}
		return reach;
	}

	/**
	 * Staff the company cannot reach are its own problem to fix: a FAILED row and an
	 * alert. A caller without a mobile number was called back by the agent anyway.
	 */
	private int unreachable(Notice notice) {
		if (!notice.recipient().staff()) {
			log.info("{} for {} not sent: no mobile number or e-mail", notice.kind(), notice.recipient().key());
			return 0;
		}
		Templates.Rendered text = templates.render(notice.kind(), notice.recipient().language(), Channel.SMS,
				notice.params());
		String error = "no mobile number or e-mail for " + notice.recipient().name();
		Long id = insert(notice, Channel.SMS, "-", text, "FAILED", error, clock.instant(), Fallback.NONE);
		if (id == null) {
			return 0;
		}
		alertAdministrators(notice.tenantId(), String.valueOf(id), notice.kind(), Channel.SMS,
				notice.recipient().name(), 0, error);
		return 1;
	}

	/**
	 * @return the new row's id, or {@code null} if its dedupe key was there already
	 */
	private Long insert(Notice notice, Channel channel, String address, Templates.Rendered text, String status,
			String error, Instant now, Fallback fallback) {
		Recipient recipient = notice.recipient();
		return jdbc.sql("""
				INSERT INTO notification_message (dedupe_key, tenant_id, order_number, kind, recipient_key, recipient,
				    recipient_username, recipient_name, channel, locale, params, subject, body, urgent, quiet_hours,
				    status, last_error, next_attempt_at, created_at, failed_at, grade, priority, fallback_phone,
				    fallback_reason)
				VALUES (:key, :tenant, :order, :kind, :recipientKey, :recipient, :username, :name, :channel, :locale,
				    CAST(:params AS JSONB), :subject, :body, :urgent, :quiet, :status, :error, :now, :now, :failedAt,
				    :grade, :priority, :fallbackPhone, :fallbackReason)
				ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
				""")
			.param("key", notice.dedupeKey(channel))
			.param("tenant", notice.tenantId())
			.param("order", notice.orderNumber())
			.param("kind", notice.kind().name())
			.param("recipientKey", recipient.key())
			.param("recipient", address)
			.param("username", recipient.username())
			.param("name", recipient.name())
			.param("channel", channel.name())
			.param("locale", recipient.language())
			.param("params", json.writeValueAsString(text.params()))
			.param("subject", text.subject())
			.param("body", text.body())
			.param("urgent", notice.urgent())
			.param("quiet", notice.quietHours() && channel == Channel.SMS)
			.param("status", status)
			.param("error", error)
			.param("now", Timestamp.from(now))
			.param("failedAt", "FAILED".equals(status) ? Timestamp.from(now) : null)
			.param("grade", notice.grade() == null ? null : notice.grade().name())
			.param("priority", notice.priority())
			.param("fallbackPhone", fallback.phone())
			.param("fallbackReason", fallback.reason())
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private static String mask(String recipient) {
		return recipient != null && recipient.contains("@") ? recipient : PhoneNumber.mask(recipient);
	}

}
