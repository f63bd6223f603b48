package org.suxiu.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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

	@GetMapping("/login")
	String login() {
		Actor me = PageModel.signedIn();
		return me == null ? "login" : "redirect:" + Pages.homeOf(me);
	}

	@RequestMapping("/denied")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied() {
		return "denied";
	}

}
