package org.suxiu.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code live_event} table: appends rows and notifies listeners in one statement, and
 * reads a viewer's rows in delivery order.
 *
 * <p>
 * Ids come from a sequence, so they are not in commit order: a transaction may take id 5,
 * another id 6 and commit first. A reader that delivered 6 and went on from there would
 * never see 5. Rows are therefore delivered in order of their transaction id and then id,
 * and only once every older transaction has ended ({@code tx < pg_snapshot_xmin}): no row
 * can appear behind a reader's position any more.
 */
@Repository
class LiveEventStore {

	/** The notification channel; its payload is {@link Recipient#key()}. */
	static final String CHANNEL = "suxiu_live";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	LiveEventStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Inserts the entries and queues one notification per recipient, which PostgreSQL
	 * delivers when the transaction commits (and never if it rolls back).
	 */
	void insert(List<LiveFeed.FeedEntry> entries, Instant createdAt) {
		StringBuilder sql = new StringBuilder("""
				WITH rows AS (INSERT INTO live_event
				    (recipient_kind, recipient_id, tenant_id, type, order_number, at, payload, created_at) VALUES
				""");
		List<Object> params = new ArrayList<>();
		for (LiveFeed.FeedEntry entry : entries) {
			sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?)");
			params.add(entry.recipient().kind().code);
			params.add(entry.recipient().id());
			params.add(entry.recipient().tenantId());
			params.add(entry.type());
			params.add(entry.number());
			params.add(Timestamp.from(entry.at()));
			params.add(json.writeValueAsString(entry.fields()));
			params.add(Timestamp.from(createdAt));
		}
		sql.append(NOTIFY_RECIPIENTS);
		jdbc.sql(sql.toString()).params(params).query(String.class).list();
	}

	/**
	 * Wakes each recipient's listeners once; the key has the format of
	 * {@code Recipient.key()}. Formatted once, not per order.
	 */
	private static final String NOTIFY_RECIPIENTS = """
			 RETURNING recipient_kind, recipient_id, tenant_id)
			SELECT pg_notify('%s', key)::text FROM (SELECT DISTINCT CASE recipient_kind
			    WHEN 'P' THEN 'P:' || tenant_id || ':' || recipient_id ELSE recipient_kind || ':' || recipient_id
			    END AS key FROM rows) keys
			""".formatted(CHANNEL);

	/**
	 * Where a stream starts: after the given event id (a reconnecting client), or at the
	 * present (a new one).
	 */
	Cursor cursorAfter(Long lastEventId) {
		if (lastEventId == null) {
			return new Cursor(String.valueOf(horizon()), 0, 0);
		}
		return jdbc.sql("SELECT tx::text FROM live_event WHERE id = ?")
			.param(lastEventId)
			.query(String.class)
			.optional()
			.map(tx -> new Cursor(tx, lastEventId, 0))
			// expired or unknown: whatever is kept after that id
			.orElseGet(() -> new Cursor("0", 0, lastEventId));
	}

	/** The viewer's next rows after the cursor, oldest first. */
	Batch read(Viewer viewer, Cursor cursor, int limit) {
		List<Object> params = new ArrayList<>(List.of(cursor.tx(), cursor.id(), cursor.floor()));
		String audience = viewer.where(params);
		params.add(limit);
		List<StoredEvent> rows = jdbc.sql("""
				SELECT id, tx::text AS tx, tx < pg_snapshot_xmin(pg_current_snapshot()) AS settled, recipient_kind,
				    type, order_number, at, payload::text AS payload
				FROM live_event
				WHERE (tx, id) > (CAST(? AS XID8), ?) AND id > ? AND (%s)
				ORDER BY tx, id LIMIT ?
				""".formatted(audience))
			.params(params)
			.query((rs, n) -> new StoredEvent(rs.getLong("id"), rs.getString("tx"), rs.getBoolean("settled"),
					rs.getString("recipient_kind"), rs.getString("type"), rs.getString("order_number"),
					rs.getTimestamp("at").toInstant(), rs.getString("payload")))
			.list();
		// rows are ordered by transaction, so the settled ones come first
		List<StoredEvent> settled = rows.stream().filter(StoredEvent::settled).toList();
		Long waitingFor = settled.size() < rows.size() ? Long.valueOf(rows.get(settled.size()).tx()) : null;
		return new Batch(settled, waitingFor, rows.size() == limit);
	}

	/** The oldest transaction still running: rows of older ones may be delivered. */
	long horizon() {
		return jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
			.query(String.class)
			.optional()
			.map(Long::valueOf)
			.orElseThrow();
	}

	/** Deletes up to {@code limit} rows created before {@code cutoff}. */
	int deleteCreatedBefore(Instant cutoff, int limit) {
		return jdbc.sql("""
				DELETE FROM live_event WHERE id IN (SELECT id FROM live_event WHERE created_at < ?
				    ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
				""").params(Timestamp.from(cutoff), limit).update();
	}

	/**
	 * A stream's position: the last delivered row's transaction and id, and for a client
	 * whose last event has expired, the id it had reached.
	 */
	record Cursor(String tx, long id, long floor) {

		Cursor after(StoredEvent event) {
			return new Cursor(event.tx(), event.id(), floor);
		}

	}

	/**
	 * One row as read.
	 *
	 * @param settled whether every older transaction has ended, so it may be delivered
	 */
	record StoredEvent(long id, String tx, boolean settled, String recipientKind, String type, String number,
			Instant at, String payload) {

		boolean forProject() {
			return Recipient.Kind.PROJECT.code.equals(recipientKind);
		}

	}

	/**
	 * What one read found.
	 *
	 * @param events the rows that may be delivered now
	 * @param waitingFor the transaction of the first row that waits for an older
	 * transaction to end, or {@code null}
	 * @param full whether the read hit its limit, so that more may follow at once
	 */
	record Batch(List<StoredEvent> events, Long waitingFor, boolean full) {

		boolean heldBack() {
			return waitingFor != null;
		}

	}

}
