package org.suxiu.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.suxiu.property.Account;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.SignInCodeSender;

/**
 * Owners' sign-in with a code sent by SMS, for the token endpoint and the sign-in page
 * alike: the same limits, and every number gets the same answer while only owners'
 * numbers receive an SMS.
 */
@Component
public class SmsSignIn {

	/** Refused sign-ins (wrong password or code, or refused by a limit), by method. */
	private final Counter failures;

	private static final Logger log = LoggerFactory.getLogger(SmsSignIn.class);

	private final SignInCodes codes;

	private final PropertyDirectory directory;

	private final SignInCodeSender sender;

	private final SignInThrottle throttle;

	private final SignInThrottle.Limit perAddress;

	SmsSignIn(SignInCodes codes, PropertyDirectory directory, SignInCodeSender sender, SignInThrottle throttle,
			MeterRegistry meters, @Value("${suxiu.identity.sms-code.per-address.delay-after:10}") int delayAfter,
			@Value("${suxiu.identity.sms-code.per-address.lock-after:30}") int lockAfter,
			@Value("${suxiu.identity.sms-code.per-address.window:PT1H}") Duration window) {
		this.codes = codes;
		this.directory = directory;
		this.sender = sender;
		this.throttle = throttle;
		this.failures = Counter.builder("suxiu.sign.in.failures")
			.description("Sign-in attempts refused")
			.tag("method", "sms-code")
			.register(meters);
		this.perAddress = new SignInThrottle.Limit(delayAfter, Duration.ofMinutes(1), lockAfter, window, window);
	}

	/**
	 * Sends a code to {@code phone} (a valid mainland number) unless a limit refuses: per
	 * number, and per client address (from the 10th request within an hour each waits a
	 * minute, doubling; the 30th locks the address for an hour), so that one client
	 * cannot send SMS to many numbers.
	 */
	public CodeRequest request(String phone, String address) {
		String addressKey = "sms-address:" + (address == null ? "unknown" : address);
		SignInThrottle.Verdict verdict = throttle.begin(addressKey, perAddress);
		if (!verdict.admitted()) {
			return new CodeRequest(Refusal.ADDRESS_LIMIT, verdict.retryAfter());
		}
		throttle.failed(addressKey, perAddress);
		SignInCodes.Issue issue = codes.issue(phone);
		if (!issue.issued()) {
			return new CodeRequest(Refusal.valueOf(issue.refusal().name()), issue.retryAfter());
		}
		if (directory.ownerIdByPhone(phone).isPresent() && !send(phone, issue.code())) {
			codes.withdraw(issue.id());
			return new CodeRequest(Refusal.UNAVAILABLE, null);
		}
		return new CodeRequest(null, null);
	}

	/** The owner this code signs in, or why not. */
	public Attempt signIn(String phone, String code) {
		SignInCodes.Check check = codes.check(phone, code);
		Optional<Account> owner = directory.ownerAccount(phone);
		if (check.outcome() == SignInCodes.Outcome.LOCKED) {
			failures.increment();
			return new Attempt(null, check.retryAfter(), 0);
		}
		if (check.outcome() != SignInCodes.Outcome.VALID || owner.isEmpty()) {
			failures.increment();
			return new Attempt(null, null, 0);
		}
		return new Attempt(owner.get().actor(), null, owner.get().accessVersion());
	}

	public Duration validFor() {
		return codes.validFor();
	}

	public Duration interval() {
		return codes.interval();
	}

	private boolean send(String phone, String code) {
		try {
			return sender.send(phone, code, codes.validFor());
		}
		catch (RuntimeException ex) {
			log.error("Sign-in code for {} could not be sent", PhoneNumber.mask(phone), ex);
			return false;
		}
	}

	/** Why no code was sent. */
	public enum Refusal {

		/** one code a minute per number */
		TOO_SOON,
		/** ten codes a calendar day per number */
		DAILY_LIMIT,
		/** too many wrong codes */
		LOCKED,
		/** too many code requests from one client address */
		ADDRESS_LIMIT,
		/** the SMS provider did not take the message */
		UNAVAILABLE

	}

	/**
	 * The answer to a request for a code.
	 *
	 * @param refusal why none was sent, or {@code null} when it is on its way
	 * @param retryAfter when to ask again, for a limit
	 */
	public record CodeRequest(Refusal refusal, Duration retryAfter) {

		public boolean sent() {
			return refusal == null;
		}

		/** Whole seconds to wait, at least one. */
		public long retryAfterSeconds() {
			return retryAfter == null ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}

	}

	/**
	 * The outcome of a code.
	 *
	 * @param owner the owner signed in, or {@code null}
	 * @param lockedFor how long the number is locked, when it is
	 * @param accessVersion the owner's access version, for the token or session
	 */
	public record Attempt(Actor owner, Duration lockedFor, int accessVersion) {

		public boolean locked() {
			return lockedFor != null;
		}

	}

}
