package org.suxiu.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Checks a token's signature and parses its claims once per token, not once per request:
 * a client sends the same token for hours. The validators (expiry, issuer, and the
 * account's access version and sign-out) still run on every request, so a revoked or
 * expired token is refused as before; only the exact token string whose signature was
 * verified is found again.
 */
final class VerifiedTokens implements JwtDecoder {

	private static final int MAX_ENTRIES = 10_000;

	private final JwtDecoder verifying;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	/**
	 * @param verifying checks the signature and parses, without validators of its own
	 * @param validator what every request checks
	 */
	VerifiedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> validator) {
		this.verifying = verifying;
		this.validator = validator;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = verified.get(token);
		if (jwt == null) {
			jwt = verifying.decode(token);
			if (verified.size() >= MAX_ENTRIES) {
				verified.clear();
			}
			verified.put(token, jwt);
		}
		OAuth2TokenValidatorResult result = validator.validate(jwt);
		if (result.hasErrors()) {
			verified.remove(token);
			throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
		}
		return jwt;
	}

}
