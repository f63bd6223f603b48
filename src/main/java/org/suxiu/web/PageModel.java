package org.suxiu.web;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.suxiu.shared.Actor;

/**
 * Puts the signed-in person ({@code me}) into every page's model, for the header, and the
 * trigger of the live fragments.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

	private final long liveFallbackSeconds;

	PageModel(@Value("${suxiu.web.live-fallback:PT60S}") Duration liveFallback) {
		this.liveFallbackSeconds = Math.max(1, liveFallback.toSeconds());
	}

	@ModelAttribute("me")
	Actor me() {
		return signedIn();
	}

	/** The header menu of the signed-in person's role; empty when nobody is signed in. */
	@ModelAttribute("menu")
	List<Pages.MenuItem> menu() {
		Actor me = signedIn();
		return me == null ? List.of() : Pages.menuOf(me);
	}

	/** Whether the header offers the order search. */
	@ModelAttribute("searches")
	boolean searches() {
		Actor me = signedIn();
		return me != null && Pages.searches(me);
	}

	/**
	 * The htmx trigger of every live fragment: a live event ({@code live}, raised by
	 * app.js from the page's event stream) and a slow poll in case the stream drops
	 * ({@code suxiu.web.live-fallback}).
	 */
	@ModelAttribute("liveTrigger")
	String liveTrigger() {
		return "live, every " + liveFallbackSeconds + "s";
	}

	/** The person signed in on this page request, or {@code null}. */
	static Actor signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor : null;
	}

}
