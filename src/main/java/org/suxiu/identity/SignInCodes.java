package org.suxiu.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.SuxiuProperties;

/**
 * One-time sign-in codes for owners: six digits, valid five minutes, at most one a minute
 * and ten a calendar day per number; five wrong tries lock the number. Every count is
 * read under a row lock on the number, so several instances keep one tally. Codes are
 * stored only as keyed hashes (HMAC-SHA256 with a salt), never in clear.
 */
@Service
class SignInCodes {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CodeHash hashes;

	private final SuxiuProperties properties;

	private final Duration validFor;

	private final Duration interval;

	private final int perDay;

	private final int maxWrongTries;

	private final Duration lockout;

	SignInCodes(JdbcClient jdbc, Clock clock, SecretKey tokenSigningKey, SuxiuProperties properties,
			@Value("${suxiu.identity.sms-code.valid-for:PT5M}") Duration validFor,
			@Value("${suxiu.identity.sms-code.interval:PT1M}") Duration interval,
			@Value("${suxiu.identity.sms-code.per-day:10}") int perDay,
			@Value("${suxiu.identity.sms-code.max-wrong-tries:5}") int maxWrongTries,
			@Value("${suxiu.identity.sms-code.lockout:PT30M}") Duration lockout) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.hashes = new CodeHash(tokenSigningKey);
		this.properties = properties;
		this.validFor = validFor;
		this.interval = interval;
		this.perDay = perDay;
		this.maxWrongTries = maxWrongTries;
		this.lockout = lockout;
	}

	Duration validFor() {
		return validFor;
	}

	Duration interval() {
		return interval;
	}

	/** Issues a new code for the number unless a limit refuses it. */
	@Transactional
	Issue issue(String phone) {
		Instant now = clock.instant();
		PhoneRow row = lockPhone(phone);
		if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
			return Issue.refused(Refusal.LOCKED, Duration.between(now, row.lockedUntil()));
		}
		Optional<Instant> last = jdbc.sql("SELECT max(issued_at) FROM sign_in_code WHERE phone = ?")
			.param(phone)
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional();
		if (last.isPresent() && last.get().plus(interval).isAfter(now)) {
			return Issue.refused(Refusal.TOO_SOON, Duration.between(now, last.get().plus(interval)));
		}
		Instant midnight = now.atZone(properties.zone()).toLocalDate().atStartOfDay(properties.zone()).toInstant();
		long today = jdbc.sql("SELECT count(*) FROM sign_in_code WHERE phone = ? AND issued_at >= ?")
			.params(phone, Timestamp.from(midnight))
			.query(Long.class)
			.single();
		if (today >= perDay) {
			Instant tomorrow = midnight.atZone(properties.zone()).plusDays(1).toInstant();
			return Issue.refused(Refusal.DAILY_LIMIT, Duration.between(now, tomorrow));
		}
		String code = CodeHash.newCode();
		jdbc.sql("UPDATE sign_in_code SET revoked_at = ? WHERE phone = ? AND used_at IS NULL AND revoked_at IS NULL")
			.params(Timestamp.from(now), phone)
			.update();
		long id = jdbc.sql("""
				INSERT INTO sign_in_code (phone, code_hash, issued_at, expires_at) VALUES (?, ?, ?, ?) RETURNING id
				""")
			.params(phone, hashes.of(phone, code), Timestamp.from(now), Timestamp.from(now.plus(validFor)))
			.query(Long.class)
			.single();
		return new Issue(id, code, null, null);
	}

	/**
	 * Takes back a code the SMS provider did not accept, so that it counts against no
	 * limit.
	 */
	@Transactional
	void withdraw(long id) {
		jdbc.sql("DELETE FROM sign_in_code WHERE id = ?").param(id).update();
	}

	/** Checks a code; a wrong one counts towards the lock, a right one is used up. */
	@Transactional
	Check check(String phone, String code) {
		Instant now = clock.instant();
		PhoneRow row = lockPhone(phone);
		if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
			return new Check(Outcome.LOCKED, Duration.between(now, row.lockedUntil()));
		}
		Optional<CodeRow> current = jdbc.sql("""
				SELECT id, code_hash FROM sign_in_code
				WHERE phone = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?
				ORDER BY issued_at DESC LIMIT 1
				""")
			.params(phone, Timestamp.from(now))
			.query((rs, n) -> new CodeRow(rs.getLong(1), rs.getString(2)))
			.optional();
		if (current.isEmpty()) {
			// no code outstanding: nothing to guess, so nothing counts towards a lock
			// (else
			// anybody could lock any owner out by sending five codes for their number)
			return new Check(Outcome.WRONG, null);
		}
		if (hashes.matches(phone, code, current.get().hash())) {
			jdbc.sql("UPDATE sign_in_code SET used_at = ? WHERE id = ?")
				.params(Timestamp.from(now), current.get().id())
				.update();
			jdbc.sql("UPDATE sign_in_phone SET failed_attempts = 0 WHERE phone = ?").param(phone).update();
			return new Check(Outcome.VALID, null);
		}
		int failed = row.failedAttempts() + 1;
		if (failed >= maxWrongTries) {
			jdbc.sql("UPDATE sign_in_phone SET failed_attempts = 0, locked_until = ? WHERE phone = ?")
				.params(Timestamp.from(now.plus(lockout)), phone)
				.update();
			jdbc.sql(
					"UPDATE sign_in_code SET revoked_at = ? WHERE phone = ? AND used_at IS NULL AND revoked_at IS NULL")
				.params(Timestamp.from(now), phone)
				.update();
			return new Check(Outcome.LOCKED, lockout);
		}
		jdbc.sql("UPDATE sign_in_phone SET failed_attempts = ? WHERE phone = ?").params(failed, phone).update();
		return new Check(Outcome.WRONG, null);
	}

	private PhoneRow lockPhone(String phone) {
		jdbc.sql("INSERT INTO sign_in_phone (phone) VALUES (?) ON CONFLICT (phone) DO NOTHING").param(phone).update();
		return jdbc.sql("SELECT failed_attempts, locked_until FROM sign_in_phone WHERE phone = ? FOR UPDATE")
			.param(phone)
			.query((rs, n) -> new PhoneRow(rs.getInt(1),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.single();
	}

	/** Why a code was not issued. */
	enum Refusal {

		TOO_SOON, DAILY_LIMIT, LOCKED

	}

	/** What checking a code found. */
	enum Outcome {

		VALID, WRONG, LOCKED

	}

	/**
	 * A code issued, or why not and when to ask again.
	 *
	 * @param id the code's row, to withdraw it if it cannot be sent
	 * @param code the code in clear, to send once
	 * @param refusal why none was issued
	 * @param retryAfter when to ask again
	 */
	record Issue(Long id, String code, Refusal refusal, Duration retryAfter) {

		static Issue refused(Refusal refusal, Duration retryAfter) {
			return new Issue(null, null, refusal, retryAfter);
		}

		boolean issued() {
			return refusal == null;
		}

	}

	/**
	 * The outcome of checking a code.
	 *
	 * @param outcome valid, wrong or locked
	 * @param retryAfter for a lock, how long it lasts
	 */
	record Check(Outcome outcome, Duration retryAfter) {
	}

	private record PhoneRow(int failedAttempts, Instant lockedUntil) {
	}

	private record CodeRow(long id, String hash) {
	}

}
