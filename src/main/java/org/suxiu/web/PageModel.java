package org.suxiu.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.suxiu.shared.Actor;

/**
 * Puts the signed-in person ({@code me}) into every page's model, for the header.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

	@ModelAttribute("me")
	Actor me() {
		return signedIn();
	}

	/** The person signed in on this page request, or {@code null}. */
	static Actor signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor : null;
	}

}
