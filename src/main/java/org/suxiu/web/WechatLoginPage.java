package org.suxiu.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suxiu.identity.SmsSignIn;
import org.suxiu.property.Account;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.wechat.WechatAccounts;
import org.suxiu.wechat.WechatCodeRejected;
import org.suxiu.wechat.WechatUnavailable;

/**
 * Owners' pages opened inside WeChat (微信登录): {@code /login/wechat?next=…} sends the
 * browser to WeChat's authorise page, which comes back with a code; its openid signs the
 * bound owner in at once. An openid bound to nobody sees only the binding page: the
 * owner's number and an SMS code once (the SMS sign-in with its limits), then the openid
 * is theirs and every later visit signs in directly.
 */
@Controller
@RequestMapping("/login/wechat")
class WechatLoginPage {

	static final String STATE = "suxiu.wechat.state";

	static final String NEXT = "suxiu.wechat.next";

	static final String OPENID = "suxiu.wechat.openid";

	private static final String VIEW = "wechat-bind";

	private final WechatAccounts wechat;

	private final SmsSignIn smsSignIn;

	private final PropertyDirectory directory;

	private final SecureRandom random = new SecureRandom();

	WechatLoginPage(WechatAccounts wechat, SmsSignIn smsSignIn, PropertyDirectory directory) {
		this.wechat = wechat;
		this.smsSignIn = smsSignIn;
		this.directory = directory;
	}

	@GetMapping
	String start(@RequestParam(required = false) String next, HttpServletRequest request) {
		if (!wechat.enabled()) {
			return "redirect:/login";
		}
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String state = HexFormat.of().formatHex(bytes);
		HttpSession session = request.getSession(true);
		session.setAttribute(STATE, state);
		session.setAttribute(NEXT, ownerPage(next));
		return "redirect:" + wechat.authorizeUrl(state);
	}

	@GetMapping("/callback")
	String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		Object expected = session == null ? null : session.getAttribute(STATE);
		if (!(expected instanceof String saved) || state == null || !MessageDigest
			.isEqual(saved.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
			return failed(model, response, HttpStatus.BAD_REQUEST, "wechat.bind.badState");
		}
		session.removeAttribute(STATE);
		String openid;
		try {
			openid = wechat.openidOf(code);
		}
		catch (WechatCodeRejected ex) {
			return failed(model, response, HttpStatus.BAD_REQUEST, "wechat.bind.badCode");
		}
		catch (WechatUnavailable ex) {
			return failed(model, response, HttpStatus.SERVICE_UNAVAILABLE, "wechat.bind.unavailable");
		}
		Optional<Account> owner = wechat.ownerOf(openid).flatMap(directory::ownerAccountById);
		if (owner.isPresent()) {
			return signIn(owner.get(), request, response);
		}
		session.setAttribute(OPENID, openid);
		return "redirect:/login/wechat/bind";
	}

	@GetMapping("/bind")
	String bindPage(HttpServletRequest request) {
		return pendingOpenid(request) == null ? "redirect:/login/wechat" : VIEW;
	}

	@PostMapping("/bind/code")
	String sendCode(@RequestParam(defaultValue = "") String phone, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (pendingOpenid(request) == null) {
			return "redirect:/login/wechat";
		}
		String number = phone.trim();
		model.addAttribute("phone", number);
		if (!PhoneNumber.isValid(number)) {
			return SmsLoginPage.refuse(model, response, HttpStatus.BAD_REQUEST, "login.sms.badPhone", null, VIEW);
		}
		return SmsLoginPage.answer(smsSignIn.request(number, request.getRemoteAddr()), number, model, response, VIEW);
	}

	@PostMapping("/bind")
	String bind(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		String openid = pendingOpenid(request);
		if (openid == null) {
			return "redirect:/login/wechat";
		}
		String number = phone.trim();
		String digits = code.trim();
		model.addAttribute("phone", number);
		model.addAttribute("sent", true);
		if (!PhoneNumber.isValid(number)) {
			model.addAttribute("sent", false);
			return SmsLoginPage.refuse(model, response, HttpStatus.BAD_REQUEST, "login.sms.badPhone", null, VIEW);
		}
		if (!digits.matches("\\d{6}")) {
			return SmsLoginPage.refuse(model, response, HttpStatus.UNAUTHORIZED, "login.sms.badCode", null, VIEW);
		}
		// the SMS sign-in's own limits: five wrong codes lock the number
		SmsSignIn.Attempt attempt = smsSignIn.signIn(number, digits);
		if (attempt.locked()) {
			long minutes = Math.max(1, (attempt.lockedFor().toSeconds() + 59) / 60);
			return SmsLoginPage.refuse(model, response, HttpStatus.TOO_MANY_REQUESTS, "login.sms.locked", minutes,
					VIEW);
		}
		if (attempt.owner() == null) {
			return SmsLoginPage.refuse(model, response, HttpStatus.UNAUTHORIZED, "login.sms.badCode", null, VIEW);
		}
		wechat.bind(openid, attempt.owner().id());
		request.getSession().removeAttribute(OPENID);
		return directory.ownerAccountById(attempt.owner().id())
			.map(account -> signIn(account, request, response))
			.orElse("redirect:/login");
	}

	private String signIn(Account owner, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession();
		Object next = session.getAttribute(NEXT);
		session.removeAttribute(NEXT);
		PageSessions.signIn(owner.actor(), request, response);
		return "redirect:" + (next instanceof String page ? page : "/owner");
	}

	private static String pendingOpenid(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(OPENID) instanceof String openid ? openid : null;
	}

	private static String failed(Model model, HttpServletResponse response, HttpStatus status, String key) {
		model.addAttribute("failed", true);
		return SmsLoginPage.refuse(model, response, status, key, null, VIEW);
	}

	/** Only an owner page of this site, never another address. */
	static String ownerPage(String next) {
		if (next == null || !next.matches("/owner(/[A-Za-z0-9_\\-/]*)?") || next.contains("//")) {
			return "/owner";
		}
		return next;
	}

}
