package org.suxiu.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.suxiu.shared.Actor;

/**
 * Where each role's pages start.
 */
final class Pages {

	private Pages() {
	}

	static String homeOf(Actor actor) {
		return switch (actor.role()) {
			case OWNER -> "/owner";
			case TECHNICIAN -> "/tech";
			case DISPATCHER, SUPERVISOR -> "/dispatch";
			case AGENT -> "/agent";
			case MANAGER -> "/manager";
			case ADMIN -> "/admin";
			case OPERATOR -> "/platform";
		};
	}

	/** Only redirect back to this site, never to where a forged Referer points. */
	static boolean isLocal(String url, HttpServletRequest request) {
		try {
			URI uri = URI.create(url);
			return uri.getHost() == null || uri.getHost().equals(request.getServerName());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
