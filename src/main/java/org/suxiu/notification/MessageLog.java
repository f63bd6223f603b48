package org.suxiu.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a tenant's messages for its administrators, newest first.
 */
@Repository
class MessageLog {

	private final JdbcClient jdbc;

	MessageLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	Page page(long tenantId, String recipient, Channel channel, String status, int page, int size) {
		String where = """
				WHERE tenant_id = :tenant AND (CAST(:recipient AS TEXT) IS NULL OR recipient = :recipient)
				  AND (CAST(:channel AS TEXT) IS NULL OR channel = :channel)
				  AND (CAST(:status AS TEXT) IS NULL OR status = :status)
				""";
		List<Entry> items = jdbc.sql("""
				SELECT id, kind, order_number, channel, recipient, recipient_name, subject, body, status, attempts,
				    last_error, provider_message_id, created_at, sent_at, next_attempt_at, grade, fallback_of,
				    fallback_reason
				FROM notification_message
				""" + where + " ORDER BY created_at DESC, id DESC LIMIT :size OFFSET :offset")
			.param("tenant", tenantId)
			.param("recipient", recipient)
			.param("channel", channel == null ? null : channel.name())
			.param("status", status)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(MessageLog::entry)
			.list();
		long total = jdbc.sql("SELECT count(*) FROM notification_message " + where)
			.param("tenant", tenantId)
			.param("recipient", recipient)
			.param("channel", channel == null ? null : channel.name())
			.param("status", status)
			.query(Long.class)
			.single();
		return new Page(items, total);
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getString("kind"), rs.getString("order_number"),
				Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("recipient_name"),
				rs.getString("subject"), rs.getString("body"), rs.getString("status"), rs.getInt("attempts"),
				rs.getString("last_error"), rs.getString("provider_message_id"), instant(rs, "created_at"),
				instant(rs, "sent_at"), instant(rs, "next_attempt_at"), rs.getString("grade"),
				rs.getObject("fallback_of") == null ? null : rs.getLong("fallback_of"),
				rs.getString("fallback_reason"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	record Page(List<Entry> items, long total) {
	}

	record Entry(long id, String kind, String orderNumber, Channel channel, String recipient, String recipientName,
			String subject, String body, String status, int attempts, String lastError, String providerMessageId,
			Instant createdAt, Instant sentAt, Instant nextAttemptAt, String grade, Long fallbackOf,
			String fallbackReason) {
	}

}
