package org.suxiu.wechat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Official Account's access token, one row per app shared by every instance. WeChat
 * lets an app hold one token at a time (a new grant retires the old one within minutes),
 * so the instance that finds it missing or expired fetches a new one under the row's lock
 * while the others wait and then use it. Tokens are taken for five minutes less than
 * WeChat grants them.
 */
@Repository
class AccessTokens {

	static final Duration EARLY = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	AccessTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The valid token, fetched with {@code grant} (under the row's lock) if none is. */
	@Transactional
	String current(String appId, Grant grant) {
		jdbc.sql("INSERT INTO wechat_access_token (app_id, expires_at) VALUES (?, '-infinity') ON CONFLICT DO NOTHING")
			.param(appId)
			.update();
		Instant now = clock.instant();
		Stored stored = jdbc.sql("SELECT access_token, expires_at FROM wechat_access_token WHERE app_id = ? FOR UPDATE")
			.param(appId)
			.query((rs, n) -> new Stored(rs.getString("access_token"), rs.getTimestamp("expires_at")))
			.single();
		if (stored.token() != null && stored.expiresAt().toInstant().isAfter(now)) {
			return stored.token();
		}
		Granted granted = grant.fetch();
		Duration lifetime = Duration.ofSeconds(granted.expiresInSeconds());
		Duration usable = lifetime.compareTo(EARLY.multipliedBy(2)) > 0 ? lifetime.minus(EARLY) : lifetime.dividedBy(2);
		jdbc.sql("UPDATE wechat_access_token SET access_token = ?, expires_at = ?, fetched_at = ? WHERE app_id = ?")
			.params(granted.token(), Timestamp.from(now.plus(usable)), Timestamp.from(now), appId)
			.update();
		return granted.token();
	}

	/**
	 * WeChat refused {@code stale} (40001, 42001): the next call fetches a new token,
	 * unless another instance has done so already.
	 */
	@Transactional
	void expire(String appId, String stale) {
		jdbc.sql("UPDATE wechat_access_token SET expires_at = '-infinity' WHERE app_id = ? AND access_token = ?")
			.params(appId, stale)
			.update();
	}

	/** Fetches a token from WeChat. */
	@FunctionalInterface
	interface Grant {

		Granted fetch();

	}

	/**
	 * @param token the access token
	 * @param expiresInSeconds how long WeChat says it lasts
	 */
	record Granted(String token, long expiresInSeconds) {
	}

	private record Stored(String token, Timestamp expiresAt) {
	}

}
