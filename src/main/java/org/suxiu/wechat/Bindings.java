package org.suxiu.wechat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which owner an openid belongs to. An openid is per app (the Official Account and the
 * mini-program give one person two), so each row names its app. Binding again moves the
 * openid, and replaces the owner's earlier one for that app.
 */
@Repository
class Bindings {

	private final JdbcClient jdbc;

	private final Clock clock;

	Bindings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Long> ownerOf(String appId, String openid) {
		return jdbc.sql("SELECT owner_id FROM wechat_binding WHERE app_id = ? AND openid = ?")
			.params(appId, openid)
			.query(Long.class)
			.optional();
	}

	Optional<String> openidOf(String appId, long ownerId) {
		return jdbc.sql("SELECT openid FROM wechat_binding WHERE app_id = ? AND owner_id = ?")
			.params(appId, ownerId)
			.query(String.class)
			.optional();
	}

	@Transactional
	void bind(String appId, Kind kind, String openid, long ownerId) {
		jdbc.sql("DELETE FROM wechat_binding WHERE app_id = ? AND (openid = ? OR owner_id = ?)")
			.params(appId, openid, ownerId)
			.update();
		jdbc.sql("INSERT INTO wechat_binding (app_id, openid, kind, owner_id, bound_at) VALUES (?, ?, ?, ?, ?)")
			.params(appId, openid, kind.name(), ownerId, Timestamp.from(clock.instant()))
			.update();
	}

	@Transactional
	int unbind(long ownerId) {
		return jdbc.sql("DELETE FROM wechat_binding WHERE owner_id = ?").param(ownerId).update();
	}

	/** Which app an openid came from. */
	enum Kind {

		OFFICIAL, MINI

	}

}
