package org.suxiu.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suxiu.shared.CachedReading;

/**
 * {@code suxiu_notification_backlog{channel}}: messages waiting to be sent, counted from
 * this module's queue.
 */
@Component
class NotificationGauges implements MeterBinder {

	private final JdbcClient jdbc;

	private final CachedReading<Map<String, Long>> backlog;

	NotificationGauges(JdbcClient jdbc, Clock clock, @Value("${suxiu.metrics.cache:PT5S}") Duration maxAge) {
		this.jdbc = jdbc;
		this.backlog = new CachedReading<>(this::read, Map.of(), maxAge, clock);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Channel channel : Channel.values()) {
			Gauge.builder("suxiu.notification.backlog", backlog, b -> b.get().getOrDefault(channel.name(), 0L))
				.description("Messages waiting to be sent")
				.tag("channel", channel.name())
				.register(registry);
		}
	}

	private Map<String, Long> read() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("SELECT channel, count(*) AS n FROM notification_message WHERE status = 'PENDING' GROUP BY channel")
			.query((rs, i) -> counts.put(rs.getString("channel"), rs.getLong("n")))
			.list();
		return Map.copyOf(counts);
	}

}
