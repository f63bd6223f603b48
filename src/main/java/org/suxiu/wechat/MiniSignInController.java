package org.suxiu.wechat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.identity.OwnerTokens;
import org.suxiu.identity.SmsSignIn;
import org.suxiu.shared.Actor;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Problems;
import org.suxiu.shared.Role;

/**
 * The mini-program's sign-in: {@code POST /api/v1/auth/wechat-mini} exchanges a
 * {@code wx.login} code for SuXiu's token when its openid is bound to an owner; binding
 * takes the owner's number and SMS code once, in the same request or with
 * {@code PUT /api/v1/me/wechat} when already signed in.
 */
@RestController
@Tag(name = "Auth 登录")
class MiniSignInController {

	private final MiniSessions sessions;

	private final Bindings bindings;

	private final SmsSignIn smsSignIn;

	private final OwnerTokens tokens;

	MiniSignInController(MiniSessions sessions, Bindings bindings, SmsSignIn smsSignIn, OwnerTokens tokens) {
		this.sessions = sessions;
		this.bindings = bindings;
		this.smsSignIn = smsSignIn;
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/auth/wechat-mini")
	@Operation(summary = "Mini-program sign-in 小程序登录",
			description = "{\"code\"} from wx.login → 200 {\"accessToken\",\"tokenType\",\"expiresIn\"} when the openid "
					+ "is bound to an owner; 404 wechat-not-bound (with a \"bind\" hint) when not. To bind, ask for an SMS "
					+ "code (POST /api/v1/auth/sms-code) and send {\"code\", \"phone\", \"smsCode\"}: the same limits as the "
					+ "SMS sign-in (a wrong code → 401, five → 429 sign-in-locked). An unknown or used code → 400 "
					+ "wechat-code-invalid; each wx.login code works once.")
	ResponseEntity<?> signIn(@Valid @RequestBody MiniSignIn request) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (request.code() == null || request.code().isBlank()) {
			errors.add(new InvalidInput.FieldError("code", "must be the code from wx.login"));
		}
		boolean binding = request.phone() != null || request.smsCode() != null;
		if (binding && (request.phone() == null || !request.phone().matches("1[3-9]\\d{9}"))) {
			errors.add(new InvalidInput.FieldError("phone", "must be a mainland mobile number (11 digits)"));
		}
		if (binding && (request.smsCode() == null || !request.smsCode().matches("\\d{6}"))) {
			errors.add(new InvalidInput.FieldError("smsCode", "must be the 6-digit code"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		String openid = sessions.openidOf(request.code().trim());
		var owner = bindings.ownerOf(sessions.appId(), openid);
		if (owner.isPresent()) {
			return token(owner.get());
		}
		if (!binding) {
			throw new WechatNotBound();
		}
		SmsSignIn.Attempt attempt = smsSignIn.signIn(request.phone(), request.smsCode());
		if (attempt.locked()) {
			return locked(attempt.lockedFor());
		}
		if (attempt.owner() == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(Problems.of(HttpStatus.UNAUTHORIZED, "bad-code", "Unauthorized",
						"Wrong or expired code 验证码错误或已过期"));
		}
		bind(openid, attempt.owner().id());
		return token(attempt.owner().id());
	}

	@PutMapping("/api/v1/me/wechat")
	@Operation(summary = "Bind the mini-program 绑定微信小程序",
			description = "The signed-in owner binds the mini-program user behind {\"code\"} (from wx.login) → 204; "
					+ "later POST /api/v1/auth/wechat-mini signs them in directly. Owners only (403); an unknown or used "
					+ "code → 400.")
	ResponseEntity<Void> bindSignedIn(Actor actor, @Valid @RequestBody BindRequest request) {
		if (!actor.is(Role.OWNER)) {
			throw new Forbidden("Only owners bind a WeChat account 仅业主可绑定微信");
		}
		if (request.code() == null || request.code().isBlank()) {
			throw new InvalidInput(List.of(new InvalidInput.FieldError("code", "must be the code from wx.login")));
		}
		bind(sessions.openidOf(request.code().trim()), actor.id());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/me/wechat")
	@Operation(summary = "Unbind WeChat 解除微信绑定",
			description = "The signed-in owner's WeChat bindings (mini-program and Official Account) are removed → 204; "
					+ "WeChat messages then go by SMS.")
	ResponseEntity<Void> unbind(Actor actor) {
		if (!actor.is(Role.OWNER)) {
			throw new Forbidden("Only owners bind a WeChat account 仅业主可绑定微信");
		}
		bindings.unbind(actor.id());
		return ResponseEntity.noContent().build();
	}

	private void bind(String openid, long ownerId) {
		try {
			bindings.bind(sessions.appId(), Bindings.Kind.MINI, openid, ownerId);
		}
		catch (DuplicateKeyException ex) {
			throw new ConcurrentChange("The binding changed meanwhile; try again 绑定已被同时修改，请重试");
		}
	}

	private ResponseEntity<?> token(long ownerId) {
		return tokens.issue(ownerId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseThrow(WechatNotBound::new);
	}

	private static ResponseEntity<ProblemDetail> locked(Duration lockedFor) {
		long seconds = Math.max(1, (lockedFor.toMillis() + 999) / 1000);
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-locked", "Sign-in locked",
				"Too many wrong codes; this number is locked for " + (seconds + 59) / 60 + " min 验证码错误次数过多，请稍后再试");
		problem.setProperty("retryAfterSeconds", seconds);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
			.body(problem);
	}

	/**
	 * @param code from {@code wx.login}
	 * @param phone the owner's number, to bind on the way
	 * @param smsCode the code sent to it by {@code POST /api/v1/auth/sms-code}
	 */
	record MiniSignIn(@Size(max = 128) String code, @Size(max = 20) String phone, @Size(max = 10) String smsCode) {
	}

	/**
	 * @param code from {@code wx.login}
	 */
	record BindRequest(@Size(max = 128) String code) {
	}

}
