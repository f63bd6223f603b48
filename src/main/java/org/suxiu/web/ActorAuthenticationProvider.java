package org.suxiu.web;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.suxiu.identity.PasswordSignIn;
import org.suxiu.shared.Actor;

/**
 * Signs page users in with the same check and the same throttle as the token endpoint;
 * the session then holds the {@link Actor}, as a token would.
 */
class ActorAuthenticationProvider implements AuthenticationProvider {

	private final PasswordSignIn passwords;

	ActorAuthenticationProvider(PasswordSignIn passwords) {
		this.passwords = passwords;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName() == null ? null : authentication.getName().trim();
		Object password = authentication.getCredentials();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		PasswordSignIn.Attempt attempt = passwords.signIn(username, password == null ? null : password.toString(),
				address);
		if (attempt.throttled()) {
			throw new Throttled(attempt.retryAfterSeconds());
		}
		if (!attempt.succeeded()) {
			throw new BadCredentialsException("Wrong username or password");
		}
		return authenticated(attempt.account().actor());
	}

	/** Too many wrong passwords: the page answers 429 with the wait. */
	static class Throttled extends AuthenticationException {

		private final long retryAfterSeconds;

		Throttled(long retryAfterSeconds) {
			super("Too many wrong passwords");
			this.retryAfterSeconds = retryAfterSeconds;
		}

		long retryAfterSeconds() {
			return retryAfterSeconds;
		}

	}

	/** The authentication a session holds for {@code actor}, however they signed in. */
	static Authentication authenticated(Actor actor) {
		return new ActorAuthentication(actor);
	}

	/**
	 * A signed-in page user; its name is the username, which is what page sessions are
	 * indexed by, so that {@link SessionRevocation} finds a person's sessions.
	 */
	static class ActorAuthentication extends UsernamePasswordAuthenticationToken {

		ActorAuthentication(Actor actor) {
			super(actor, null, List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
		}

		@Override
		public String getName() {
			return ((Actor) getPrincipal()).username();
		}

	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
