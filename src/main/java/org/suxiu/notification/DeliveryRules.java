package org.suxiu.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
	 * For each recipient and channel: how many non-urgent messages count against the
	 * limit now (sent within the window, or being sent), and the oldest sent in the
	 * window. One query for a whole batch; keys are {@code CHANNEL:recipient}.
	 */
	Map<String, Counts> recent(Collection<String> recipients, Instant now) {
		if (recipients.isEmpty()) {
			return Map.of();
		}
		Map<String, Counts> counts = new HashMap<>();
		jdbc.sql("""
				SELECT channel, recipient,
				       count(*) FILTER (WHERE status = 'SENT' AND sent_at > :start)
				     + count(*) FILTER (WHERE status = 'PENDING' AND lease_until > :now),
				       min(sent_at) FILTER (WHERE status = 'SENT' AND sent_at > :start)
				FROM notification_message WHERE recipient IN (:recipients) AND NOT urgent
				GROUP BY channel, recipient
				""")
			.param("start", Timestamp.from(now.minus(rateLimit.window())))
			.param("now", Timestamp.from(now))
			.param("recipients", List.copyOf(recipients))
			.query((rs, n) -> counts.put(rs.getString(1) + ":" + rs.getString(2),
					new Counts(rs.getLong(3), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())))
			.list();
		return counts;
	}

	/**
	 * When the recipient may get another message, if the limit is reached;
	 * {@code claimedNow} counts those taken in the batch being claimed.
	 */
	Optional<Instant> limitedUntil(Counts counts, int claimedNow, Instant now) {
		if (counts.recent() + claimedNow < rateLimit.max()) {
			return Optional.empty();
		}
		Instant free = counts.oldest() == null ? now.plus(rateLimit.window())
				: counts.oldest().plus(rateLimit.window());
		return Optional.of(free.isAfter(now) ? free : now.plusSeconds(1));
	}

	/**
	 * @param recent messages counting against the limit
	 * @param oldest the oldest sent within the window, or {@code null}
	 */
	record Counts(long recent, Instant oldest) {

		static final Counts NONE = new Counts(0, null);

	}

}
