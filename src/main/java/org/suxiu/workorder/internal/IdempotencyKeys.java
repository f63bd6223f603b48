package org.suxiu.workorder.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.workorder.NewWorkOrder;

/**
 * Remembers {@code Idempotency-Key}s per caller for 24 hours, so a client that retries
 * after a timeout gets its original order instead of a second one.
 */
@Component
class IdempotencyKeys {

	static final Duration WINDOW = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	IdempotencyKeys(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Claims the key for this request, or returns the number of the order an earlier
	 * request with the same key and body created. A concurrent request with the same key
	 * waits here until the first commits.
	 */
	Optional<String> claim(Actor actor, String key, NewWorkOrder request) {
		if (key.isBlank() || key.length() > 100) {
			throw new org.suxiu.shared.InvalidInput("Idempotency-Key", "must be 1 to 100 characters");
		}
		String principal = actor.role().name() + ":" + actor.id();
		String hash = hash(request);
		Instant now = clock.instant();
		int claimed = jdbc.sql("""
				INSERT INTO idempotency_key (principal, key, request_hash, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (principal, key) DO UPDATE
				    SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at, order_number = NULL
				    WHERE idempotency_key.created_at < ?
				""").params(principal, key, hash, Timestamp.from(now), Timestamp.from(now.minus(WINDOW))).update();
		if (claimed == 1) {
			return Optional.empty();
		}
		Earlier earlier = jdbc
			.sql("SELECT request_hash, order_number FROM idempotency_key WHERE principal = ? AND key = ?")
			.params(principal, key)
			.query((rs, n) -> new Earlier(rs.getString(1), rs.getString(2)))
			.single();
		if (!earlier.hash().equals(hash) || earlier.number() == null) {
			throw new BusinessRuleViolation("idempotency-key-reused",
					"This Idempotency-Key was already used with a different request in the last 24 hours");
		}
		return Optional.of(earlier.number());
	}

	void complete(Actor actor, String key, String number) {
		jdbc.sql("UPDATE idempotency_key SET order_number = ? WHERE principal = ? AND key = ?")
			.params(number, actor.role().name() + ":" + actor.id(), key)
			.update();
	}

	private String hash(NewWorkOrder request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Earlier(String hash, String number) {
	}

}
