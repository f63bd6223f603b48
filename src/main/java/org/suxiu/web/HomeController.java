package org.suxiu.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.suxiu.shared.Actor;

/**
 * Sign-in, the way to each role's start page, and the refusal page.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Actor actor) {
		return "redirect:" + Pages.homeOf(actor);
	}

	/**
	 * The sign-in form; after too many wrong passwords ({@code ?throttled=seconds}) it
	 * answers 429 with Retry-After and says how long to wait.
	 */
	@GetMapping("/login")
	String login(@RequestParam(required = false) String throttled, Model model, HttpServletResponse response) {
		Actor me = PageModel.signedIn();
		if (me != null) {
			return "redirect:" + Pages.homeOf(me);
		}
		if (throttled != null && throttled.matches("\\d{1,6}")) {
			long seconds = Math.max(1, Long.parseLong(throttled));
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			model.addAttribute("waitSeconds", seconds);
		}
		return "login";
	}

	@RequestMapping("/denied")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied() {
		return "denied";
	}

}
