package org.suxiu.asset.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.asset.AssetDetails.AlarmView;

/**
 * Alarms, one row per alarm condition from raised to cleared, and the signatures seen
 * lately; the asset module owns tables {@code device_alarm} and {@code device_signature}.
 * Callers hold the device's row lock ({@link DeviceStore#lock}).
 */
@Repository
class AlarmStore {

	private final JdbcClient jdbc;

	AlarmStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An alarm as the intake decides on it. */
	record Alarm(long id, String orderNumber, int repeats, Instant notedAt) {
	}

	Optional<Alarm> open(long device, String type) {
		return jdbc
			.sql("SELECT id, order_number, repeats, noted_at FROM device_alarm WHERE device_id = ? AND type = ? "
					+ "AND state = 'OPEN'")
			.params(device, type)
			.query(AlarmStore::alarm)
			.optional();
	}

	Optional<Alarm> clearedSince(long device, String type, Instant since) {
		return jdbc.sql("""
				SELECT id, order_number, repeats, noted_at FROM device_alarm
				WHERE device_id = ? AND type = ? AND state = 'CLEARED' AND cleared_at > ?
				ORDER BY cleared_at DESC LIMIT 1
				""").params(device, type, Timestamp.from(since)).query(AlarmStore::alarm).optional();
	}

	/**
	 * Counts a repeat on the device's open alarm of that type, if there is one; answers
	 * it with the new count and when the order last noted the count.
	 */
	Optional<Alarm> repeatOpen(long device, String type, String severity, String value, Instant now) {
		return jdbc.sql("""
				UPDATE device_alarm SET repeats = repeats + 1, severity = ?, last_value = ?, last_at = ?
				WHERE device_id = ? AND type = ? AND state = 'OPEN'
				RETURNING id, order_number, repeats, noted_at
				""").params(severity, value, Timestamp.from(now), device, type).query(AlarmStore::alarm).optional();
	}

	/** Opens a cleared alarm again (a flap); answers the new count. */
	int reopen(long id, String severity, String value, Instant now) {
		return jdbc.sql("""
				UPDATE device_alarm SET state = 'OPEN', cleared_at = NULL, repeats = repeats + 1, flaps = flaps + 1,
				    severity = ?, last_value = ?, last_at = ?
				WHERE id = ? RETURNING repeats
				""").params(severity, value, Timestamp.from(now), id).query(Integer.class).single();
	}

	void noted(long id, Instant now) {
		jdbc.sql("UPDATE device_alarm SET noted_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
	}

	long insert(long device, long asset, String type, String severity, String value, Instant now) {
		Timestamp at = Timestamp.from(now);
		return jdbc.sql("""
				INSERT INTO device_alarm (device_id, asset_id, type, severity, last_value, state, raised_at, last_at,
				    noted_at)
				VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?) RETURNING id
				""").params(device, asset, type, severity, value, at, at, at).query(Long.class).single();
	}

	void orderOpened(long id, String number) {
		jdbc.sql("UPDATE device_alarm SET order_number = ? WHERE id = ?").params(number, id).update();
	}

	void clear(long id, Instant now) {
		jdbc.sql("UPDATE device_alarm SET state = 'CLEARED', cleared_at = ?, last_at = ? WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/**
	 * Records a signature; false if it was seen before (a replay). Signatures older than
	 * the allowed skew are forgotten, since their timestamps are refused anyway.
	 */
	boolean firstSighting(long device, String signature, Instant now) {
		jdbc.sql("DELETE FROM device_signature WHERE device_id = ? AND seen_at < ?")
			.params(device, Timestamp.from(now.minus(DeviceKeys.SKEW.multipliedBy(2))))
			.update();
		return jdbc
			.sql("INSERT INTO device_signature (device_id, signature, seen_at) VALUES (?, ?, ?) "
					+ "ON CONFLICT DO NOTHING")
			.params(device, signature.toLowerCase(java.util.Locale.ROOT), Timestamp.from(now))
			.update() == 1;
	}

	List<AlarmView> latest(long assetId, int limit) {
		return jdbc.sql("""
				SELECT a.*, d.device_id AS public_id FROM device_alarm a JOIN device d ON d.id = a.device_id
				WHERE a.asset_id = ? ORDER BY a.raised_at DESC, a.id DESC LIMIT ?
				""")
			.params(assetId, limit)
			.query((rs, n) -> new AlarmView(rs.getLong("id"), rs.getString("public_id"), rs.getString("type"),
					rs.getString("severity"), rs.getString("state"), rs.getInt("repeats"), rs.getInt("flaps"),
					rs.getString("order_number"), instant(rs, "raised_at"), instant(rs, "last_at"),
					instant(rs, "cleared_at")))
			.list();
	}

	private static Alarm alarm(ResultSet rs, int n) throws SQLException {
		return new Alarm(rs.getLong("id"), rs.getString("order_number"), rs.getInt("repeats"), instant(rs, "noted_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
