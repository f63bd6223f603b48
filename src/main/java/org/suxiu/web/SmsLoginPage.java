package org.suxiu.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suxiu.identity.SmsSignIn;
import org.suxiu.shared.PhoneNumber;

/**
 * Owners sign in on the page with their mobile number and a code sent by SMS (短信验证码登录):
 * the number, then the code; the same limits as {@code POST /api/v1/auth/sms-code}, and
 * the session is then the same as after a password.
 */
@Controller
@RequestMapping("/login/sms")
class SmsLoginPage {

	private final SmsSignIn smsSignIn;

	SmsLoginPage(SmsSignIn smsSignIn) {
		this.smsSignIn = smsSignIn;
	}

	/**
	 * The first step; also where the language links of a page rendered from a post
	 * ({@code /login/sms/code?lang=en}) lead.
	 */
	@GetMapping({ "", "/code" })
	String phoneStep() {
		return PageModel.signedIn() == null ? "login-sms" : "redirect:/";
	}

	@PostMapping("/code")
	String sendCode(@RequestParam(defaultValue = "") String phone, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String number = phone.trim();
		model.addAttribute("phone", number);
		if (!PhoneNumber.isValid(number)) {
			return refuse(model, response, HttpStatus.BAD_REQUEST, "login.sms.badPhone", null);
		}
		return answer(smsSignIn.request(number, request.getRemoteAddr()), number, model, response, "login-sms");
	}

	/**
	 * The page after asking for a code ({@code view}: this page or WeChat's binding
	 * page): the code field, or why no code was sent.
	 */
	static String answer(SmsSignIn.CodeRequest answer, String number, Model model, HttpServletResponse response,
			String view) {
		if (!answer.sent()) {
			// a code sent within the minute is still good: keep the field to type it in
			model.addAttribute("sent", answer.refusal() == SmsSignIn.Refusal.TOO_SOON);
			return switch (answer.refusal()) {
				case TOO_SOON -> refuse(model, response, HttpStatus.TOO_MANY_REQUESTS, "login.sms.tooSoon",
						answer.retryAfterSeconds(), view);
				case ADDRESS_LIMIT -> refuse(model, response, HttpStatus.TOO_MANY_REQUESTS, "login.sms.addressLimit",
						answer.retryAfterSeconds(), view);
				case DAILY_LIMIT ->
					refuse(model, response, HttpStatus.TOO_MANY_REQUESTS, "login.sms.dailyLimit", null, view);
				case LOCKED -> refuse(model, response, HttpStatus.TOO_MANY_REQUESTS, "login.sms.locked",
						(answer.retryAfterSeconds() + 59) / 60, view);
				case UNAVAILABLE ->
					refuse(model, response, HttpStatus.SERVICE_UNAVAILABLE, "login.sms.unavailable", null, view);
			};
		}
		model.addAttribute("sent", true);
		model.addAttribute("masked", PhoneNumber.mask(number));
		return view;
	}

	@PostMapping
	String signIn(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		String number = phone.trim();
		String digits = code.trim();
		model.addAttribute("phone", number);
		model.addAttribute("sent", true);
		if (!PhoneNumber.isValid(number)) {
			model.addAttribute("sent", false);
			return refuse(model, response, HttpStatus.BAD_REQUEST, "login.sms.badPhone", null);
		}
		if (!digits.matches("\\d{6}")) {
			return refuse(model, response, HttpStatus.UNAUTHORIZED, "login.sms.badCode", null);
		}
		SmsSignIn.Attempt attempt = smsSignIn.signIn(number, digits);
		if (attempt.locked()) {
			long minutes = Math.max(1, (attempt.lockedFor().toSeconds() + 59) / 60);
			return refuse(model, response, HttpStatus.TOO_MANY_REQUESTS, "login.sms.locked", minutes);
		}
		if (attempt.owner() == null) {
			return refuse(model, response, HttpStatus.UNAUTHORIZED, "login.sms.badCode", null);
		}
		PageSessions.signIn(attempt.owner(), request, response);
		return "redirect:" + Pages.homeOf(attempt.owner());
	}

	private static String refuse(Model model, HttpServletResponse response, HttpStatus status, String key,
			Object argument) {
		return refuse(model, response, status, key, argument, "login-sms");
	}

	static String refuse(Model model, HttpServletResponse response, HttpStatus status, String key, Object argument,
			String view) {
		response.setStatus(status.value());
		model.addAttribute("errorKey", key);
		model.addAttribute("errorArg", argument);
		return view;
	}

}
