package org.suxiu.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.property.Account;

/**
 * Password sign-in for the token endpoint and the sign-in page alike, throttled per
 * account and per client address (see {@link SignInThrottle}); a lock tells the person
 * ({@link SignInLocked}). A refused attempt never checks the password, so the right one
 * does not get through a lock either.
 */
@Service
public class PasswordSignIn {

	/** Refused sign-ins (wrong password or code, or refused by a limit), by method. */
	private final Counter failures;

	private final Credentials credentials;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final SignInThrottle.Limit perAccount;

	private final SignInThrottle.Limit perAddress;

	PasswordSignIn(Credentials credentials, SignInThrottle throttle, ApplicationEventPublisher events, Clock clock,
			TransactionTemplate transactions, MeterRegistry meters,
			@Value("${suxiu.identity.sign-in.account.delay-after:5}") int accountDelayAfter,
			@Value("${suxiu.identity.sign-in.account.lock-after:10}") int accountLockAfter,
			@Value("${suxiu.identity.sign-in.address.delay-after:20}") int addressDelayAfter,
			@Value("${suxiu.identity.sign-in.address.lock-after:100}") int addressLockAfter,
			@Value("${suxiu.identity.sign-in.delay:PT2S}") Duration delay,
			@Value("${suxiu.identity.sign-in.window:PT15M}") Duration window,
			@Value("${suxiu.identity.sign-in.lockout:PT15M}") Duration lockout) {
		this.credentials = credentials;
		this.throttle = throttle;
		this.events = events;
		this.clock = clock;
		this.transactions = transactions;
		this.failures = Counter.builder("suxiu.sign.in.failures")
			.description("Sign-in attempts refused")
			.tag("method", "password")
			.register(meters);
		this.perAccount = new SignInThrottle.Limit(accountDelayAfter, delay, accountLockAfter, window, lockout);
		this.perAddress = new SignInThrottle.Limit(addressDelayAfter, delay, addressLockAfter, window, lockout);
	}

	/** Checks a sign-in name and password coming from {@code address}. */
	public Attempt signIn(String username, String password, String address) {
		if (username == null || password == null) {
			return Attempt.WRONG;
		}
		String accountKey = accountKey(username);
		String addressKey = "address:" + (address == null ? "unknown" : address);
		SignInThrottle.Verdict byAddress = throttle.begin(addressKey, perAddress);
		if (!byAddress.admitted()) {
			failures.increment();
			return Attempt.throttled(byAddress.retryAfter());
		}
		SignInThrottle.Verdict byAccount = throttle.begin(accountKey, perAccount);
		if (!byAccount.admitted()) {
			failures.increment();
			throttle.succeeded(addressKey, false);
			return Attempt.throttled(byAccount.retryAfter());
		}
		Optional<Account> account = credentials.check(username, password);
		if (account.isPresent()) {
			throttle.succeeded(accountKey, true);
			throttle.succeeded(addressKey, false);
			return new Attempt(account.get(), null);
		}
		failures.increment();
		throttle.failed(addressKey, perAddress);
		if (throttle.failed(accountKey, perAccount)) {
			tell(username, byAccount.failures());
		}
		return Attempt.WRONG;
	}

	/** Lifts a delay or lock of the account at once. */
	public void unlock(String username) {
		throttle.clear(accountKey(username));
	}

	/** How long the account is refused still, zero when it is not. */
	public Duration lockedFor(String username) {
		return throttle.blockedFor(accountKey(username));
	}

	/** Tells the person behind a locked account, if there is one, after the commit. */
	private void tell(String username, int failures) {
		transactions.executeWithoutResult(status -> credentials.account(username).ifPresent(account -> {
			var actor = account.actor();
			events.publishEvent(new SignInLocked(actor.id(), actor.role(), actor.tenantId(), actor.username(), failures,
					clock.instant().plus(perAccount.lockout()), clock.instant()));
		}));
	}

	private static String accountKey(String username) {
		return "account:" + username.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The outcome of a sign-in.
	 *
	 * @param account who signed in, or {@code null}
	 * @param retryAfter when throttled, how long to wait
	 */
	public record Attempt(Account account, Duration retryAfter) {

		static final Attempt WRONG = new Attempt(null, null);

		static Attempt throttled(Duration retryAfter) {
			return new Attempt(null, retryAfter);
		}

		public boolean succeeded() {
			return account != null;
		}

		public boolean throttled() {
			return retryAfter != null;
		}

		/** Whole seconds to wait, at least one. */
		public long retryAfterSeconds() {
			return retryAfter == null ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}

	}

}
