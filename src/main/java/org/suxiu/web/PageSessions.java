package org.suxiu.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.suxiu.shared.Actor;

/**
 * Signs a person into a page session after a check other than the password form (an SMS
 * code, WeChat): a new session id and CSRF token, as after a password, so that planted
 * ones are worthless.
 */
final class PageSessions {

	private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

	private static final CsrfTokenRepository CSRF_TOKENS = new HttpSessionCsrfTokenRepository();

	private PageSessions() {
	}

	static void signIn(Actor actor, HttpServletRequest request, HttpServletResponse response) {
		request.getSession(true);
		request.changeSessionId();
		CSRF_TOKENS.saveToken(null, request, response);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(ActorAuthenticationProvider.authenticated(actor));
		SecurityContextHolder.setContext(context);
		CONTEXTS.saveContext(context, request, response);
	}

}
