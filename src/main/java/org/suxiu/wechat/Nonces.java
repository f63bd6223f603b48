package org.suxiu.wechat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nonces of recent callbacks, in PostgreSQL so that a callback replayed to another
 * instance is refused as well. A nonce is kept until its callback's timestamp could no
 * longer be accepted anyway.
 */
@Repository
class Nonces {

	private final JdbcClient jdbc;

	private final Clock clock;

	Nonces(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records the nonce; false if it was seen before and has not expired. */
	@Transactional
	boolean firstUse(String nonce, Instant keepUntil) {
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM wechat_nonce WHERE nonce = ? AND expires_at <= ?")
			.params(nonce, Timestamp.from(now))
			.update();
		return jdbc.sql("INSERT INTO wechat_nonce (nonce, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(nonce, Timestamp.from(keepUntil))
			.update() == 1;
	}

	/** Forgets expired nonces, a bounded batch at a time. */
	@Transactional
	int purge() {
		return jdbc.sql("""
				DELETE FROM wechat_nonce WHERE nonce IN (
				    SELECT nonce FROM wechat_nonce WHERE expires_at <= ? LIMIT 1000 FOR UPDATE SKIP LOCKED)
				""").param(Timestamp.from(clock.instant())).update();
	}

}
