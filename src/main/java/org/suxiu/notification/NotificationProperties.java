package org.suxiu.notification;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code suxiu.notification}.
 *
 * @param signature the company signature that starts every SMS, e.g. 【示范物业】
 * @param acceptLink the link in the completion notice where the owner accepts and rates;
 * {@code {number}} stands for the order number
 * @param quietHours when owners get no SMS about L3/L4 orders
 * @param rateLimit how many messages one recipient gets per channel in a window
 * @param delivery the delivery poller
 */
@ConfigurationProperties("suxiu.notification")
record NotificationProperties(String signature, String acceptLink, QuietHours quietHours, RateLimit rateLimit,
		Delivery delivery) {

	NotificationProperties {
		signature = signature == null ? "【速修物业】" : signature;
		acceptLink = acceptLink == null ? "https://suxiu.example/o/{number}" : acceptLink;
		quietHours = quietHours == null ? new QuietHours(null, null, null) : quietHours;
		rateLimit = rateLimit == null ? new RateLimit(0, null) : rateLimit;
		delivery = delivery == null ? new Delivery(null, null, 0, 0, null, null, null, 0, 0, null) : delivery;
	}

	/**
	 * @param enabled whether quiet hours apply at all
	 * @param from start, default 22:00 (business time zone)
	 * @param to end, default 07:00
	 */
	record QuietHours(Boolean enabled, LocalTime from, LocalTime to) {

		QuietHours {
			enabled = enabled == null || enabled;
			from = from == null ? LocalTime.of(22, 0) : from;
			to = to == null ? LocalTime.of(7, 0) : to;
		}

	}

	/**
	 * @param max messages per recipient and channel within the window, default 10; urgent
	 * ones (L1/L2, technicians' jobs, alerts) do not count against it and are never held
	 * back
	 * @param window default one hour
	 */
	record RateLimit(int max, Duration window) {

		RateLimit {
			max = max <= 0 ? 10 : max;
			window = window == null ? Duration.ofHours(1) : window;
		}

	}

	/**
	 * @param enabled whether this instance runs the delivery poller
	 * @param interval pause between polls, default 1 s
	 * @param batch messages claimed at a time, default 100
	 * @param concurrency messages sent at once, default 32: a provider answers in 20-200
	 * ms, so 8 at once could not send a storm's dispatch notices as fast as they were
	 * written (notification benchmark: 81 against 145 messages a second with 32)
	 * @param lease how long a claimed message stays with the instance that claimed it,
	 * default 2 min; longer than any provider call may take
	 * @param initialBackoff wait after the first failed attempt, default 10 s; doubled
	 * after each, with jitter
	 * @param maxBackoff the longest wait between attempts, default 10 min
	 * @param maxAttempts attempts before a message is FAILED and an administrator is
	 * alerted, default 12 (about an hour of retries)
	 * @param pollers batches claimed, sent and recorded at once on this instance, default
	 * 2: while one batch waits for the provider the next is claimed ({@code SKIP LOCKED}
	 * keeps them apart), so sending keeps pace with a burst
	 * @param emergencyInterval pause between polls of the emergency lane, default 250 ms:
	 * it claims only emergencies' messages (priority 0, L1/L2), sends them on threads of
	 * its own and so never waits behind a batch of planned work's messages
	 */
	record Delivery(Boolean enabled, Duration interval, int batch, int concurrency, Duration lease,
			Duration initialBackoff, Duration maxBackoff, int maxAttempts, int pollers, Duration emergencyInterval) {

		Delivery {
			enabled = enabled == null || enabled;
			interval = interval == null ? Duration.ofSeconds(1) : interval;
			batch = batch <= 0 ? 100 : batch;
			concurrency = concurrency <= 0 ? 32 : concurrency;
			lease = lease == null ? Duration.ofMinutes(2) : lease;
			initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
			maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
			maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
			pollers = pollers <= 0 ? 2 : pollers;
			emergencyInterval = emergencyInterval == null ? Duration.ofMillis(250) : emergencyInterval;
		}

	}

}
