package org.suxiu.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's header checks and the bearer token's syntax check without regular
 * expressions, accepting and refusing exactly what Spring Security's patterns do. Those
 * patterns ran over the ~300 characters of the token on every read of the
 * {@code Authorization} header, several times a request: 12 % of a create's request
 * thread and 9 % more for the token's own pattern (JFR, issue 19).
 */
final class CheapChecks {

	private CheapChecks() {
	}

	/**
	 * A firewall that checks header names, header values and parameter names as
	 * {@link StrictHttpFirewall} does by default, without its patterns.
	 */
	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(name -> assignedAndNotControl(name, false));
		firewall.setAllowedHeaderValues(value -> assignedAndNotControl(value, true));
		firewall.setAllowedParameterNames(name -> assignedAndNotControl(name, false));
		return firewall;
	}

	/**
	 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, or with {@code tabAllowed}
	 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}: every code point assigned and no
	 * control character (but a tab, if allowed). Printable ASCII is decided without a
	 * look-up.
	 */
	static boolean assignedAndNotControl(String text, boolean tabAllowed) {
		for (int i = 0; i < text.length();) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	/**
	 * The token of a well-formed {@code Authorization: Bearer …} header, read without the
	 * resolver's pattern; anything else (no header, another scheme, a malformed token)
	 * goes to {@code resolver}, which answers or refuses it as before.
	 */
	static BearerTokenResolver bearerFromHeader(BearerTokenResolver resolver) {
		return request -> {
			String token = wellFormedBearer(request);
			return token != null ? token : resolver.resolve(request);
		};
	}

	private static final String BEARER = "Bearer ";

	/** {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive. */
	private static String wellFormedBearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.length() <= BEARER.length()
				|| !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		int end = header.length();
		while (end > BEARER.length() && header.charAt(end - 1) == '=') {
			end--;
		}
		if (end == BEARER.length()) {
			return null;
		}
		for (int i = BEARER.length(); i < end; i++) {
			if (!isTokenCharacter(header.charAt(i))) {
				return null;
			}
		}
		return header.substring(BEARER.length());
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
