package org.suxiu.identity;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.suxiu.property.PropertyDirectory;

/**
 * Issues an owner's bearer token after another module has made sure who they are (the
 * WeChat mini-program's sign-in): the same token, lifetime and access version as after a
 * password.
 */
@Component
public class OwnerTokens {

	private final Tokens tokens;

	private final PropertyDirectory directory;

	OwnerTokens(Tokens tokens, PropertyDirectory directory) {
		this.tokens = tokens;
		this.directory = directory;
	}

	/** A token for the owner, or empty if there is no such owner. */
	public Optional<Issued> issue(long ownerId) {
		return directory.ownerAccountById(ownerId)
			.map(account -> new Issued(tokens.issue(account.actor(), account.accessVersion()), "Bearer",
					tokens.lifetime().toSeconds()));
	}

	/**
	 * As {@code POST /api/v1/auth/token} answers.
	 *
	 * @param accessToken the signed token
	 * @param tokenType {@code Bearer}
	 * @param expiresIn seconds
	 */
	public record Issued(String accessToken, String tokenType, long expiresIn) {
	}

}
