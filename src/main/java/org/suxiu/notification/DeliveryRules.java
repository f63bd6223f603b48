package org.suxiu.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suxiu.shared.SuxiuProperties;

/**
 * When a due message may go: owners' SMS about L3/L4 orders wait for the end of quiet
 * hours, and a recipient gets at most so many non-urgent messages per channel in a window
 * (counted in the database: messages sent, and those being sent right now). A held
 * message is only put back, never dropped.
 */
@Component
class DeliveryRules {

	private final JdbcClient jdbc;

	private final NotificationProperties.QuietHours quietHours;

	private final NotificationProperties.RateLimit rateLimit;

	private final ZoneId zone;

	DeliveryRules(JdbcClient jdbc, NotificationProperties properties, SuxiuProperties suxiu) {
		this.jdbc = jdbc;
		this.quietHours = properties.quietHours();
		this.rateLimit = properties.rateLimit();
		this.zone = suxiu.zone();
	}

	/** When quiet hours end, if {@code now} is within them. */
	Optional<Instant> quietUntil(Instant now) {
		if (!quietHours.enabled()) {
			return Optional.empty();
		}
		ZonedDateTime local = now.atZone(zone);
		LocalTime time = local.toLocalTime();
		LocalTime from = quietHours.from();
		LocalTime to = quietHours.to();
		boolean overnight = from.isAfter(to);
		boolean quiet = overnight ? !time.isBefore(from) || time.isBefore(to)
				: !time.isBefore(from) && time.isBefore(to);
		if (!quiet) {
			return Optional.empty();
		}
		ZonedDateTime end = local.with(to);
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		return Optional.of(end.toInstant());
	}

	/**
	 * When the recipient may get another message on the channel, if the limit is reached;
	 * {@code claimedNow} counts those taken in the batch being claimed.
	 */
	Optional<Instant> rateLimitedUntil(String recipient, String channel, int claimedNow, Instant now) {
		Instant windowStart = now.minus(rateLimit.window());
		Counts counts = jdbc.sql("""
				SELECT count(*) FILTER (WHERE status = 'SENT' AND sent_at > :start)
				     + count(*) FILTER (WHERE status = 'PENDING' AND lease_until > :now),
				       min(sent_at) FILTER (WHERE status = 'SENT' AND sent_at > :start)
				FROM notification_message WHERE recipient = :recipient AND channel = :channel AND NOT urgent
				""")
			.param("start", Timestamp.from(windowStart))
			.param("now", Timestamp.from(now))
			.param("recipient", recipient)
			.param("channel", channel)
			.query((rs, n) -> new Counts(rs.getLong(1),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.single();
		if (counts.recent() + claimedNow < rateLimit.max()) {
			return Optional.empty();
		}
		Instant free = counts.oldest() == null ? now.plus(rateLimit.window())
				: counts.oldest().plus(rateLimit.window());
		return Optional.of(free.isAfter(now) ? free : now.plusSeconds(1));
	}

	private record Counts(long recent, Instant oldest) {
	}

}
