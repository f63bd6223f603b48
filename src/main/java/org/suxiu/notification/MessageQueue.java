package org.suxiu.notification;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The message rows as a queue: due rows locked with {@code FOR UPDATE SKIP LOCKED},
 * leased to one instance with their attempt number, and outcomes written only while the
 * row is still at the attempt that was claimed, so a late answer from an expired lease
 * cannot overwrite a newer attempt.
 */
@Repository
class MessageQueue {

	private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json;

	private final String instance = ManagementFactory.getRuntimeMXBean().getName();

	MessageQueue(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
	}

	/**
	 * Locks up to {@code limit} due, unleased rows, emergencies' first (priority 0: L1/L2
	 * orders) so that a burst of planned work's messages does not hold up an emergency's;
	 * the caller's transaction holds them.
	 */
	List<Claimed> lockDue(Instant now, int limit) {
		return lockDue(now, limit, Short.MAX_VALUE);
	}

	/**
	 * As {@link #lockDue(Instant, int)}, only rows of at most {@code lowestPriority} (0:
	 * the emergencies' alone).
	 */
	List<Claimed> lockDue(Instant now, int limit, int lowestPriority) {
		return jdbc
			.sql("""
					SELECT id, tenant_id, kind, channel, recipient, recipient_username, recipient_name, locale, subject, body,
					    params, urgent, quiet_hours, attempts
					FROM notification_message
					WHERE status = 'PENDING' AND priority <= ? AND next_attempt_at <= ?
					    AND (lease_until IS NULL OR lease_until <= ?)
					ORDER BY priority, next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED
					""")
			.params(lowestPriority, Timestamp.from(now), Timestamp.from(now), limit)
			.query((rs, n) -> {
				Long tenant = rs.getObject("tenant_id") == null ? null : rs.getLong("tenant_id");
				return new Claimed(rs.getLong("id"), tenant, Kind.valueOf(rs.getString("kind")),
						Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
						rs.getString("recipient_username"), rs.getString("recipient_name"), rs.getString("locale"),
						rs.getString("subject"), rs.getString("body"), json.readValue(rs.getString("params"), PARAMS),
						rs.getBoolean("urgent"), rs.getBoolean("quiet_hours"), rs.getInt("attempts") + 1);
			})
			.list();
	}

	/** Puts a locked row back until later, without counting an attempt. */
	void postpone(long id, Instant until) {
		jdbc.sql("UPDATE notification_message SET next_attempt_at = ? WHERE id = ?")
			.params(Timestamp.from(until), id)
			.update();
	}

	/** Leases locked rows to this instance and counts their attempt. */
	void lease(List<Claimed> claimed, Instant until) {
		if (claimed.isEmpty()) {
			return;
		}
		jdbc.sql("""
				UPDATE notification_message SET attempts = attempts + 1, lease_until = :until, claimed_by = :instance
				WHERE id IN (:ids)
				""")
			.param("until", Timestamp.from(until))
			.param("instance", instance)
			.param("ids", claimed.stream().map(Claimed::id).toList())
			.update();
	}

	/**
	 * Records sent messages in one JDBC batch; returns how many rows were still at the
	 * attempt claimed.
	 */
	int sent(List<Sent> sent, Instant now) {
		if (sent.isEmpty()) {
			return 0;
		}
		int[][] counts = batch.batchUpdate("""
				UPDATE notification_message SET status = 'SENT', sent_at = ?, provider_message_id = ?,
				    lease_until = NULL, last_error = NULL
				WHERE id = ? AND attempts = ? AND status = 'PENDING'
				""", sent, sent.size(), (statement, one) -> {
			statement.setTimestamp(1, Timestamp.from(now));
			statement.setString(2, one.providerMessageId());
			statement.setLong(3, one.message().id());
			statement.setInt(4, one.message().attempt());
		});
		int updated = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				updated += count == 1 ? 1 : 0;
			}
		}
		return updated;
	}

	void retryAt(Claimed message, Instant next, String error) {
		jdbc.sql("""
				UPDATE notification_message SET next_attempt_at = ?, lease_until = NULL, last_error = ?
				WHERE id = ? AND attempts = ? AND status = 'PENDING'
				""").params(Timestamp.from(next), error, message.id(), message.attempt()).update();
	}

	boolean failed(Claimed message, String error, Instant now) {
		return jdbc.sql("""
				UPDATE notification_message SET status = 'FAILED', failed_at = ?, lease_until = NULL, last_error = ?
				WHERE id = ? AND attempts = ? AND status = 'PENDING'
				""").params(Timestamp.from(now), error, message.id(), message.attempt()).update() == 1;
	}

	/**
	 * A message the provider accepted.
	 *
	 * @param message the claimed row
	 * @param providerMessageId the provider's id for it
	 */
	record Sent(Claimed message, String providerMessageId) {
	}

	/**
	 * A row claimed for one attempt.
	 *
	 * @param attempt the attempt this claim makes, from 1
	 */
	record Claimed(long id, Long tenantId, Kind kind, Channel channel, String recipient, String username, String name,
			String locale, String subject, String body, Map<String, String> params, boolean urgent, boolean quietHours,
			int attempt) {

		OutgoingMessage outgoing() {
			return new OutgoingMessage(id, channel, recipient, username, name, kind.name(), locale, subject, body,
					params, attempt);
		}

	}

}
