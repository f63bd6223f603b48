package org.suxiu.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.shared.DatabaseOutage;
import org.suxiu.notification.MessageQueue.Claimed;

/**
 * Delivers due messages. A batch is claimed in one short transaction: each row gets a
 * lease and its attempt number, or is put back for quiet hours or the rate limit. The
 * messages are sent outside any transaction, several at once, and the outcomes of the
 * batch are recorded together. A row whose instance died mid-send is claimed again when
 * its lease runs out; a failed attempt is retried with backoff until the attempts run
 * out, then the row is FAILED and the administrators are told.
 */
@Component
class Deliveries implements DisposableBean {

	/** How long a channel's provider takes to accept one message, per channel. */
	private final java.util.Map<Channel, Timer> sendLatency;

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private final MessageQueue queue;

	private final TransactionTemplate transactions;

	private final DeliveryRules rules;

	private final Outbox outbox;

	private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);

	private final NotificationProperties.Delivery settings;

	private final Backoff backoff;

	private final Clock clock;

	private final DatabaseOutage outage;

	private final WechatFallback wechatFallback;

	private final ExecutorService senders;

	/** The emergency lane's own senders, so its messages never queue behind a batch's. */
	private final ExecutorService emergencySenders;

	Deliveries(MessageQueue queue, TransactionTemplate transactions, DeliveryRules rules, Outbox outbox,
			List<MessageChannel> channels, NotificationProperties properties, Clock clock, DatabaseOutage outage,
			MeterRegistry meters, WechatFallback wechatFallback) {
		this.wechatFallback = wechatFallback;
		this.sendLatency = java.util.Arrays.stream(Channel.values())
			.collect(java.util.stream.Collectors.toUnmodifiableMap(c -> c,
					c -> Timer.builder("suxiu.notification.send")
						.description("Time for a channel to accept one message")
						.tag("channel", c.name())
						.publishPercentileHistogram()
						.register(meters)));
		this.outage = outage;
		this.queue = queue;
		this.transactions = transactions;
		this.rules = rules;
		this.outbox = outbox;
		this.settings = properties.delivery();
		this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), RandomGenerator.getDefault());
		this.clock = clock;
		this.senders = daemons(settings.concurrency(), "notification-sender-");
		this.emergencySenders = daemons(EMERGENCY_SENDERS, "notification-emergency-sender-");
		this.pollers = daemons(Math.max(1, settings.pollers() - 1), "notification-poller-");
		channels.forEach(channel -> this.channels.put(channel.channel(), channel));
	}

	private final ExecutorService pollers;

	private static ExecutorService daemons(int threads, String name) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(name);
		factory.setDaemon(true);
		return Executors.newFixedThreadPool(threads, factory);
	}

	/** Emergencies' messages sent at once by the emergency lane. */
	private static final int EMERGENCY_SENDERS = 8;

	@Scheduled(fixedDelayString = "${suxiu.notification.delivery.interval:PT1S}", initialDelayString = "PT1S")
	void poll() {
		runAsJob("notification-delivery", this::deliverDueInParallel);
	}

	/**
	 * The emergency lane: every {@code emergency-interval} (250 ms), the emergencies'
	 * messages alone, on senders of their own. The other pollers take them too
	 * (emergencies first); {@code SKIP LOCKED} and the lease keep each message with one.
	 */
	@Scheduled(fixedDelayString = "${suxiu.notification.delivery.emergency-interval:PT0.25S}",
			initialDelayString = "PT1S")
	void pollEmergencies() {
		runAsJob("notification-emergencies", this::deliverEmergencies);
	}

	/**
	 * One round of a timed job, when this instance delivers, backing off in an outage.
	 */
	private void runAsJob(String job, Runnable round) {
		if (!settings.enabled()) {
			return;
		}
		try {
			outage.run(job, round);
		}
		catch (RuntimeException ex) {
			log.error("Messages could not be delivered ({}); retrying on the next poll", job, ex);
		}
	}

	/** Sends every emergency's message due by now; returns how many were sent. */
	int deliverEmergencies() {
		return deliverDue(Notice.EMERGENCY, emergencySenders);
	}

	/**
	 * As {@link #deliverDue()}, with {@code pollers} claim loops at once: each claims its
	 * own batch (emergencies first), so one batch is claimed and recorded while another
	 * waits for the provider.
	 */
	int deliverDueInParallel() {
		if (settings.pollers() == 1) {
			return deliverDue();
		}
		List<CompletableFuture<Integer>> others = new ArrayList<>();
		for (int i = 1; i < settings.pollers(); i++) {
			others.add(CompletableFuture.supplyAsync(this::deliverDue, pollers));
		}
		int sent = deliverDue();
		for (CompletableFuture<Integer> other : others) {
			try {
				sent += other.join();
			}
			catch (java.util.concurrent.CompletionException ex) {
				// as if this thread had met it, so an outage is recognised as one
				throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
			}
		}
		return sent;
	}

	/**
	 * Sends every message due by the clock's now, batch by batch; returns how many were
	 * sent.
	 */
	int deliverDue() {
		return deliverDue(Short.MAX_VALUE, senders);
	}

	private int deliverDue(int lowestPriority, ExecutorService sendOn) {
		int sent = 0;
		while (true) {
			List<Claimed> batch = transactions.execute(status -> claim(clock.instant(), lowestPriority));
			if (batch == null || batch.isEmpty()) {
				return sent;
			}
			List<CompletableFuture<Attempt>> attempts = new ArrayList<>();
			for (Claimed message : batch) {
				attempts.add(CompletableFuture.supplyAsync(() -> new Attempt(message, send(message)), sendOn));
			}
			sent += record(attempts.stream().map(CompletableFuture::join).toList());
			if (batch.size() < settings.batch()) {
				return sent;
			}
		}
	}

	private List<Claimed> claim(Instant now, int lowestPriority) {
		List<Claimed> claimed = new ArrayList<>();
		List<Claimed> due = queue.lockDue(now, settings.batch(), lowestPriority);
		Map<String, DeliveryRules.Counts> recent = rules
			.recent(due.stream().filter(m -> !m.urgent()).map(Claimed::recipient).distinct().toList(), now);
		Map<String, Integer> inBatch = new HashMap<>();
		for (Claimed message : due) {
			Optional<Instant> later = holdUntil(message, recent, inBatch, now);
			if (later.isPresent()) {
				queue.postpone(message.id(), later.get());
			}
			else {
				claimed.add(message);
			}
		}
		queue.lease(claimed, now.plus(settings.lease()));
		return claimed;
	}

	/** When a message must wait instead: quiet hours, or its recipient's rate limit. */
	private Optional<Instant> holdUntil(Claimed message, Map<String, DeliveryRules.Counts> recent,
			Map<String, Integer> inBatch, Instant now) {
		if (message.quietHours()) {
			Optional<Instant> quiet = rules.quietUntil(now);
			if (quiet.isPresent()) {
				return quiet;
			}
		}
		if (message.urgent()) {
			return Optional.empty();
		}
		String key = message.channel() + ":" + message.recipient();
		int already = inBatch.getOrDefault(key, 0);
		Optional<Instant> limited = rules.limitedUntil(recent.getOrDefault(key, DeliveryRules.Counts.NONE), already,
				now);
		if (limited.isEmpty()) {
			inBatch.put(key, already + 1);
		}
		return limited;
	}

	/** The order number in the log context of the provider's lines about the message. */
	private static DeliveryResult sendAbout(Claimed message, MessageChannel channel) {
		String number = message.params() == null ? null : message.params().get("number");
		if (number == null) {
			return channel.send(message.outgoing());
		}
		try (var context = org.slf4j.MDC.putCloseable("order", number)) {
			return channel.send(message.outgoing());
		}
	}

	private DeliveryResult send(Claimed message) {
		MessageChannel channel = channels.get(message.channel());
		try {
			return channel == null ? DeliveryResult.retry("no " + message.channel() + " channel configured")
					: sendLatency.get(message.channel()).record(() -> sendAbout(message, channel));
		}
		catch (RuntimeException ex) {
			return DeliveryResult.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	/**
	 * Records a batch's outcomes in one transaction (one commit, not one per message); a
	 * message that failed for good is recorded with its alert in a transaction of its
	 * own, so one broken alert cannot undo the record of the others.
	 */
	private int record(List<Attempt> attempts) {
		Instant now = clock.instant();
		List<Attempt> finished = new ArrayList<>();
		Integer sent = transactions.execute(status -> {
			List<MessageQueue.Sent> accepted = new ArrayList<>();
			for (Attempt attempt : attempts) {
				DeliveryResult result = attempt.result();
				Claimed message = attempt.message();
				if (result.outcome() == DeliveryResult.Outcome.SENT) {
					accepted.add(new MessageQueue.Sent(message, result.providerMessageId()));
				}
				else if (result.outcome() == DeliveryResult.Outcome.RETRY
						&& message.attempt() < settings.maxAttempts()) {
					queue.retryAt(message, now.plus(backoff.after(message.attempt())), truncate(result.error()));
				}
				else {
					finished.add(attempt);
				}
			}
			return queue.sent(accepted, now);
		});
		for (Attempt attempt : finished) {
			fail(attempt.message(), truncate(attempt.result().error()), now);
		}
		return sent == null ? 0 : sent;
	}

	private void fail(Claimed message, String error, Instant now) {
		try {
			transactions.executeWithoutResult(status -> {
				if (queue.failed(message, error, now)) {
					if (message.channel() == Channel.WECHAT && wechatFallback.toSms(message.id(), error, now)) {
						// the owner is told by SMS instead: nothing for the
						// administrators
						// to do
						return;
					}
					outbox.alertAdministrators(message.tenantId(), String.valueOf(message.id()), message.kind(),
							message.channel(), message.recipient(), message.attempt(), error);
				}
			});
		}
		catch (RuntimeException ex) {
			log.error("Message #{} could not be marked FAILED; its lease will run out and it is tried again",
					message.id(), ex);
		}
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
		emergencySenders.shutdownNow();
		pollers.shutdownNow();
	}

	private record Attempt(Claimed message, DeliveryResult result) {
	}

}
