package org.suxiu.identity;

import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.suxiu.property.Account;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.PhoneNumber;

/**
 * Checks a username (or an owner's mobile number) and password, for the token endpoint
 * and the sign-in page alike. An unknown name costs as much as a wrong password, so the
 * answer time does not tell which accounts exist.
 */
@Component
public class Credentials {

	private final PropertyDirectory directory;

	private final PasswordEncoder passwords;

	private final String dummyHash;

	Credentials(PropertyDirectory directory, PasswordEncoder passwords) {
		this.directory = directory;
		this.passwords = passwords;
		this.dummyHash = passwords.encode("timing-equaliser");
	}

	/** The person these credentials sign in, or empty when they are wrong. */
	public Optional<Actor> check(String username, String password) {
		if (username == null || password == null) {
			return Optional.empty();
		}
		Optional<Account> account = PhoneNumber.isValid(username)
				? directory.ownerAccount(username).or(() -> directory.staffAccount(username))
				: directory.staffAccount(username).or(() -> directory.operatorAccount(username));
		String hash = account.map(Account::passwordHash).orElse(dummyHash);
		boolean matches = hash != null && passwords.matches(password, hash);
		return account.isPresent() && matches ? account.map(Account::actor) : Optional.empty();
	}

}
