package org.suxiu.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;

/**
 * Revocation on the next request, on every instance: a token counts only while its
 * account is active with the access version it was issued under and its id was not signed
 * out. Both answers are cached at most {@code suxiu.identity.revocation.cache} (5 s) per
 * instance; the instance where the change happens forgets its answer at once.
 */
@Component
class AccessCheck implements OAuth2TokenValidator<Jwt> {

	private static final int MAX_ENTRIES = 10_000;

	private static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "The token was revoked", null);

	private final PropertyDirectory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration cacheFor;

	private final Map<String, Cached<OptionalInt>> versions = new ConcurrentHashMap<>();

	private final Map<String, Cached<Boolean>> revoked = new ConcurrentHashMap<>();

	AccessCheck(PropertyDirectory directory, JdbcClient jdbc, Clock clock,
			@Value("${suxiu.identity.revocation.cache:PT5S}") Duration cacheFor) {
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
		this.cacheFor = cacheFor.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : cacheFor;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		Actor actor = Tokens.actorOf(token);
		boolean current = isCurrent(actor, Tokens.versionOf(token))
				&& (token.getId() == null || !isRevoked(token.getId()));
		return current ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(REVOKED);
	}

	/** Whether the account may still act with what it was given under {@code version}. */
	boolean isCurrent(Actor actor, int version) {
		String key = actor.role() + ":" + actor.id();
		OptionalInt now = cached(versions, key, () -> directory.accessVersion(actor.role(), actor.id()));
		return now.isPresent() && now.getAsInt() == version;
	}

	/** Signs a token out until it would have expired anyway. */
	void revoke(String jti, Instant expiresAt) {
		jdbc.sql("INSERT INTO revoked_token (jti, expires_at) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING")
			.params(jti, Timestamp.from(expiresAt))
			.update();
		revoked.put(jti, new Cached<>(true, Instant.MAX));
	}

	private boolean isRevoked(String jti) {
		return cached(revoked, jti,
				() -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM revoked_token WHERE jti = ?)")
					.param(jti)
					.query(Boolean.class)
					.single());
	}

	/**
	 * This instance forgets the account's version now and again once the change is
	 * committed ({@link AccessChanges} calls it: a listener method here would have this
	 * validator, asked on every request, called through a proxy).
	 */
	void forget(long staffId) {
		Runnable forget = () -> versions.keySet().removeIf(key -> key.endsWith(":" + staffId));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forget.run();
				}
			});
		}
		forget.run();
	}

	/** Signed-out tokens are kept only until they would have expired. */
	@Scheduled(fixedDelayString = "${suxiu.identity.revocation.cleanup:PT1H}")
	void forgetExpired() {
		jdbc.sql("DELETE FROM revoked_token WHERE expires_at < ?").param(Timestamp.from(clock.instant())).update();
	}

	private <T> T cached(Map<String, Cached<T>> cache, String key, java.util.function.Supplier<T> load) {
		Instant now = clock.instant();
		Cached<T> hit = cache.get(key);
		if (hit != null && hit.until().isAfter(now)) {
			return hit.value();
		}
		T value = load.get();
		if (cache.size() > MAX_ENTRIES) {
			cache.clear();
		}
		cache.put(key, new Cached<>(value, now.plus(cacheFor)));
		return value;
	}

	private record Cached<T>(T value, Instant until) {
	}

}
