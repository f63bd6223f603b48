package org.suxiu.asset.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.asset.AssetDetails.DeviceView;
import org.suxiu.asset.IssuedDevice;

/** Devices and their hashed keys: the asset module owns table {@code device}. */
@Repository
class DeviceStore {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ID_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";

	private final JdbcClient jdbc;

	DeviceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A registered device as the alarm intake needs it. */
	record Device(long id, String deviceId, long assetId, String name, String keyHash) {
	}

	IssuedDevice register(long assetId, String name, Instant now) {
		StringBuilder id = new StringBuilder("dev-");
		for (int i = 0; i < 12; i++) {
			id.append(ID_LETTERS.charAt(RANDOM.nextInt(ID_LETTERS.length())));
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		jdbc.sql("INSERT INTO device (device_id, asset_id, name, key_hash, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id.toString(), assetId, name, DeviceKeys.hash(key), Timestamp.from(now))
			.update();
		return new IssuedDevice(id.toString(), key, assetId, name);
	}

	Optional<Device> find(String deviceId) {
		return jdbc.sql("SELECT id, device_id, asset_id, name, key_hash FROM device WHERE device_id = ?")
			.param(deviceId)
			.query((rs, n) -> new Device(rs.getLong("id"), rs.getString("device_id"), rs.getLong("asset_id"),
					rs.getString("name"), rs.getString("key_hash")))
			.optional();
	}

	/**
	 * Locks the device's row for the transaction: its alarms are decided one at a time,
	 * whichever instance received them.
	 */
	void lock(long id, Instant now) {
		jdbc.sql("SELECT id FROM device WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
		jdbc.sql("UPDATE device SET last_seen = ? WHERE id = ?").params(Timestamp.from(now), id).update();
	}

	List<DeviceView> ofAsset(long assetId) {
		return jdbc
			.sql("SELECT device_id, name, created_at, last_seen FROM device WHERE asset_id = ? ORDER BY created_at, id")
			.param(assetId)
			.query((rs, n) -> new DeviceView(rs.getString("device_id"), rs.getString("name"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("last_seen") == null ? null : rs.getTimestamp("last_seen").toInstant()))
			.list();
	}

}
