package org.suxiu.notification;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due messages. A batch is claimed in one short transaction
 * ({@code FOR UPDATE SKIP LOCKED}): each row gets a lease and its attempt number, or is
 * put back for quiet hours or the rate limit. The messages are then sent outside any
 * transaction, several at once, and each result is recorded only if the row is still at
 * the attempt this instance claimed. A row whose instance died mid-send is claimed again
 * when its lease runs out; a failed attempt is retried with backoff until the attempts
 * run out, then the row is FAILED and the administrators are told.
 */
@Component
class Deliveries implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final DeliveryRules rules;

	private final Outbox outbox;

	private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);

	private final NotificationProperties.Delivery settings;

	private final Backoff backoff;

	private final Clock clock;

	private final ExecutorService senders;

	private final String instance = ManagementFactory.getRuntimeMXBean().getName();

	Deliveries(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, DeliveryRules rules, Outbox outbox,
			List<MessageChannel> channels, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.rules = rules;
		this.outbox = outbox;
		this.settings = properties.delivery();
		this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), RandomGenerator.getDefault());
		this.clock = clock;
		this.senders = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
			Thread thread = new Thread(runnable, "notification-sender");
			thread.setDaemon(true);
			return thread;
		});
		channels.forEach(channel -> this.channels.put(channel.channel(), channel));
	}

	@Scheduled(fixedDelayString = "${suxiu.notification.delivery.interval:PT1S}", initialDelayString = "PT1S")
	void poll() {
		if (!settings.enabled()) {
			return;
		}
		try {
			deliverDue();
		}
		catch (RuntimeException ex) {
			log.error("Messages could not be delivered; retrying on the next poll", ex);
		}
	}

	/**
	 * Sends every message due by the clock's now, batch by batch; returns how many were
	 * sent.
	 */
	int deliverDue() {
		int sent = 0;
		while (true) {
			List<Claimed> batch = transactions.execute(status -> claim(clock.instant()));
			if (batch == null || batch.isEmpty()) {
				return sent;
			}
			List<CompletableFuture<Boolean>> results = new ArrayList<>();
			for (Claimed message : batch) {
				results.add(CompletableFuture.supplyAsync(() -> deliver(message), senders));
			}
			for (CompletableFuture<Boolean> result : results) {
				sent += result.join() ? 1 : 0;
			}
			if (batch.size() < settings.batch()) {
				return sent;
			}
		}
	}

	private List<Claimed> claim(Instant now) {
		List<Claimed> due = jdbc
			.sql("""
					SELECT id, tenant_id, kind, channel, recipient, recipient_username, recipient_name, locale, subject, body,
					    params, urgent, quiet_hours, attempts
					FROM notification_message
					WHERE status = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
					ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED
					""")
			.params(Timestamp.from(now), Timestamp.from(now), settings.batch())
			.query((rs, n) -> {
				Long tenant = rs.getObject("tenant_id") == null ? null : rs.getLong("tenant_id");
				return new Claimed(rs.getLong("id"), tenant, Kind.valueOf(rs.getString("kind")),
						Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
						rs.getString("recipient_username"), rs.getString("recipient_name"), rs.getString("locale"),
						rs.getString("subject"), rs.getString("body"), json.readValue(rs.getString("params"), PARAMS),
						rs.getBoolean("urgent"), rs.getBoolean("quiet_hours"), rs.getInt("attempts") + 1);
			})
			.list();
		List<Claimed> claimed = new ArrayList<>();
		for (Claimed message : due) {
			Optional<Instant> later = holdUntil(message, now);
			if (later.isPresent()) {
				jdbc.sql("UPDATE notification_message SET next_attempt_at = ? WHERE id = ?")
					.params(Timestamp.from(later.get()), message.id())
					.update();
				continue;
			}
			jdbc.sql("""
					UPDATE notification_message SET attempts = ?, lease_until = ?, claimed_by = ? WHERE id = ?
					""")
				.params(message.attempt(), Timestamp.from(now.plus(settings.lease())), instance, message.id())
				.update();
			claimed.add(message);
		}
		return claimed;
	}

	/**
	 * When a message must wait instead; the rate limit's count sees the rows this batch
	 * has claimed already, as they are leased in the same transaction.
	 */
	private Optional<Instant> holdUntil(Claimed message, Instant now) {
		if (message.quietHours()) {
			Optional<Instant> quiet = rules.quietUntil(now);
			if (quiet.isPresent()) {
				return quiet;
			}
		}
		if (message.urgent()) {
			return Optional.empty();
		}
		return rules.rateLimitedUntil(message.recipient(), message.channel().name(), now);
	}

	/** Sends one claimed message and records the outcome; true if it was sent. */
	private boolean deliver(Claimed message) {
		DeliveryResult result;
		MessageChannel channel = channels.get(message.channel());
		try {
			result = channel == null ? DeliveryResult.retry("no " + message.channel() + " channel configured")
					: channel.send(message.outgoing());
		}
		catch (RuntimeException ex) {
			result = DeliveryResult.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		try {
			return record(message, result);
		}
		catch (RuntimeException ex) {
			log.error("Outcome of message #{} could not be recorded; its lease will run out and it is retried",
					message.id(), ex);
			return false;
		}
	}

	private boolean record(Claimed message, DeliveryResult result) {
		Instant now = clock.instant();
		if (result.outcome() == DeliveryResult.Outcome.SENT) {
			return jdbc.sql("""
					UPDATE notification_message SET status = 'SENT', sent_at = ?, provider_message_id = ?,
					    lease_until = NULL, last_error = NULL
					WHERE id = ? AND attempts = ? AND status = 'PENDING'
					""")
				.params(Timestamp.from(now), result.providerMessageId(), message.id(), message.attempt())
				.update() == 1;
		}
		String error = truncate(result.error());
		if (result.outcome() == DeliveryResult.Outcome.RETRY && message.attempt() < settings.maxAttempts()) {
			jdbc.sql("""
					UPDATE notification_message SET next_attempt_at = ?, lease_until = NULL, last_error = ?
					WHERE id = ? AND attempts = ? AND status = 'PENDING'
					""")
				.params(Timestamp.from(now.plus(backoff.after(message.attempt()))), error, message.id(),
						message.attempt())
				.update();
			return false;
		}
		transactions.executeWithoutResult(status -> {
			int failed = jdbc.sql("""
					UPDATE notification_message SET status = 'FAILED', failed_at = ?, lease_until = NULL, last_error = ?
					WHERE id = ? AND attempts = ? AND status = 'PENDING'
					""").params(Timestamp.from(now), error, message.id(), message.attempt()).update();
			if (failed == 1) {
				outbox.alertAdministrators(message.tenantId(), String.valueOf(message.id()), message.kind(),
						message.channel(), message.recipient(), message.attempt(), error);
			}
		});
		return false;
	}

	private static String truncate(String error) {
		if (error == null) {
			return null;
		}
		return error.length() > 500 ? error.substring(0, 500) : error;
	}

	@Override
	public void destroy() {
		senders.shutdownNow();
	}

	private record Claimed(long id, Long tenantId, Kind kind, Channel channel, String recipient, String username,
			String name, String locale, String subject, String body, Map<String, String> params, boolean urgent,
			boolean quietHours, int attempt) {

		OutgoingMessage outgoing() {
			return new OutgoingMessage(id, channel, recipient, username, name, kind.name(), locale, subject, body,
					params, attempt);
		}

	}

}
