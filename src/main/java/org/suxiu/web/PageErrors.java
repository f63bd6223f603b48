package org.suxiu.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.shared.DatabaseOutage;
import org.suxiu.shared.DomainException;

/**
 * Turns the domain's refusals into pages: what one may not see is a 404 page, what one
 * may not do a 403 page; any other refusal (a wrong status, bad input, a concurrent
 * change) goes back to the page it came from with the reason shown, or for an htmx
 * request into the page's message area.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private final Words words;

	PageErrors(Words words) {
		this.words = words;
	}

	/** The database is away: a page saying so, 503 with Retry-After, nothing saved. */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	String unavailable(RuntimeException ex, HttpServletResponse response, Model model) {
		if (!DatabaseOutage.isOutage(ex)) {
			throw ex;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
		model.addAttribute("status", 503);
		return "error";
	}

	@ExceptionHandler(DomainException.class)
	String refused(DomainException ex, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		HttpStatus status = ex.status();
		if (status == HttpStatus.NOT_FOUND || status == HttpStatus.FORBIDDEN) {
			response.setStatus(status.value());
			model.addAttribute("status", status.value());
			model.addAttribute("me", PageModel.signedIn());
			return "error";
		}
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Retarget", "#flash");
			response.setHeader("HX-Reswap", "innerHTML");
			model.addAttribute("error", words.problem(ex));
			return "layout :: flash";
		}
		redirect.addFlashAttribute("error", words.problem(ex));
		String back = request.getHeader("Referer");
		return "redirect:" + (back != null && Pages.isLocal(back, request) ? back : "/");
	}

}
