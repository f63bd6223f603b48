package org.suxiu.identity;

import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.suxiu.property.Account;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.PhoneNumber;

/**
 * Checks a username (or an owner's mobile number) and password. A mobile number is an
 * owner's sign-in name and nothing else; staff names start with a letter, so neither can
 * shadow the other. An unknown name costs as much as a wrong password, so the answer time
 * does not tell which accounts exist. Callers go through {@link PasswordSignIn}, which
 * throttles.
 */
@Component
class Credentials {

	private final PropertyDirectory directory;

	private final PasswordEncoder passwords;

	private final String dummyHash;

	Credentials(PropertyDirectory directory, PasswordEncoder passwords) {
		this.directory = directory;
		this.passwords = passwords;
		this.dummyHash = passwords.encode("timing-equaliser");
	}

	/** The account these credentials sign in, or empty when they are wrong. */
	Optional<Account> check(String username, String password) {
		if (username == null || password == null) {
			return Optional.empty();
		}
		Optional<Account> account = account(username);
		String hash = account.map(Account::passwordHash).orElse(dummyHash);
		boolean matches = hash != null && passwords.matches(password, hash);
		return account.isPresent() && matches ? account : Optional.empty();
	}

	/**
	 * The account a sign-in name belongs to: an owner's by mobile number, else staff,
	 * else the platform operator (staff names and the operator's never coincide).
	 */
	Optional<Account> account(String username) {
		String name = username.strip();
		return PhoneNumber.isValid(name) ? directory.ownerAccount(name)
				: directory.staffAccount(name).or(() -> directory.operatorAccount(name));
	}

}
