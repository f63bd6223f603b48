package org.suxiu.web;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.suxiu.identity.Credentials;
import org.suxiu.shared.Actor;

/**
 * Signs page users in with the same check as the token endpoint; the session then holds
 * the {@link Actor}, as a token would.
 */
class ActorAuthenticationProvider implements AuthenticationProvider {

	private final Credentials credentials;

	ActorAuthenticationProvider(Credentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName() == null ? null : authentication.getName().trim();
		Object password = authentication.getCredentials();
		Actor actor = credentials.check(username, password == null ? null : password.toString())
			.orElseThrow(() -> new BadCredentialsException("Wrong username or password"));
		return authenticated(actor);
	}

	/** The authentication a session holds for {@code actor}, however they signed in. */
	static Authentication authenticated(Actor actor) {
		return UsernamePasswordAuthenticationToken.authenticated(actor, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
