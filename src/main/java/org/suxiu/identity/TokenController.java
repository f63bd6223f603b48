package org.suxiu.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Problems;

/**
 * {@code POST /api/v1/auth/token}: exchanges a username (or an owner's mobile number) and
 * password for a bearer token.
 */
@RestController
@Tag(name = "Auth 登录")
class TokenController {

	private final PasswordSignIn passwords;

	private final Tokens tokens;

	private final SmsSignIn smsSignIn;

	private final AccessCheck access;

	private final Clock clock;

	TokenController(PasswordSignIn passwords, Tokens tokens, SmsSignIn smsSignIn, AccessCheck access, Clock clock) {
		this.clock = clock;
		this.passwords = passwords;
		this.tokens = tokens;
		this.smsSignIn = smsSignIn;
		this.access = access;
	}

	@PostMapping("/api/v1/auth/token")
	@Operation(summary = "Sign in 登录",
			description = "Staff sign in with their username and password; owners with their mobile number and "
					+ "password, or with {\"phone\", \"code\"} after POST /api/v1/auth/sms-code. From the 5th wrong "
					+ "password for an account within 15 minutes each attempt waits (429 with Retry-After, doubling from "
					+ "2 s); the 10th locks the account for 15 minutes and tells its holder. Per client address from the "
					+ "20th, locked at the 100th.")
	ResponseEntity<?> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		if (request.phone() != null || request.code() != null) {
			return withCode(request);
		}
		List<InvalidInput.FieldError> missing = new ArrayList<>();
		if (request.username() == null || request.username().isBlank()) {
			missing.add(new InvalidInput.FieldError("username", "must not be blank"));
		}
		if (request.password() == null || request.password().isBlank()) {
			missing.add(new InvalidInput.FieldError("password", "must not be blank"));
		}
		if (!missing.isEmpty()) {
			throw new InvalidInput(missing);
		}
		PasswordSignIn.Attempt attempt = passwords.signIn(request.username(), request.password(), http.getRemoteAddr());
		if (attempt.throttled()) {
			return throttled(attempt.retryAfterSeconds());
		}
		if (!attempt.succeeded()) {
			ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "bad-credentials", "Unauthorized",
					"Wrong username or password 用户名或密码错误");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		}
		Actor actor = attempt.account().actor();
		return ResponseEntity.ok(new TokenResponse(tokens.issue(actor, attempt.account().accessVersion()), "Bearer",
				tokens.lifetime().toSeconds()));
	}

	@PostMapping("/api/v1/auth/logout")
	@Operation(summary = "Sign out 退出登录",
			description = "204: this token stops working on every instance at once; other tokens of the person stay.")
	ResponseEntity<Void> logout(Actor actor) {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
			Jwt jwt = token.getToken();
			if (jwt.getId() != null) {
				access.revoke(jwt.getId(),
						jwt.getExpiresAt() == null ? clock.instant().plus(tokens.lifetime()) : jwt.getExpiresAt());
			}
		}
		return ResponseEntity.noContent().build();
	}

	static ResponseEntity<ProblemDetail> throttled(long seconds) {
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled",
				"Too many sign-in attempts",
				"Too many wrong passwords; try again in " + seconds + " s 密码错误次数过多，请" + seconds + "秒后再试");
		problem.setProperty("retryAfterSeconds", seconds);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
			.body(problem);
	}

	private ResponseEntity<?> withCode(TokenRequest request) {
		List<InvalidInput.FieldError> missing = new ArrayList<>();
		if (request.phone() == null || !request.phone().matches("1[3-9]\\d{9}")) {
			missing.add(new InvalidInput.FieldError("phone", "must be a mainland mobile number (11 digits)"));
		}
		if (request.code() == null || !request.code().matches("\\d{6}")) {
			missing.add(new InvalidInput.FieldError("code", "must be the 6-digit code"));
		}
		if (!missing.isEmpty()) {
			throw new InvalidInput(missing);
		}
		SmsSignIn.Attempt attempt = smsSignIn.signIn(request.phone(), request.code());
		if (attempt.locked()) {
			return SmsCodeController.refused(SmsSignIn.Refusal.LOCKED, attempt.lockedFor());
		}
		if (attempt.owner() == null) {
			ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "bad-code", "Unauthorized",
					"Wrong or expired code 验证码错误或已过期");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		}
		return ResponseEntity.ok(new TokenResponse(tokens.issue(attempt.owner(), attempt.accessVersion()), "Bearer",
				tokens.lifetime().toSeconds()));
	}

	/**
	 * Either {@code username} and {@code password}, or an owner's {@code phone} and the
	 * {@code code} sent to it.
	 */
	record TokenRequest(@Size(max = 50) String username, @Size(max = 128) String password, @Size(max = 20) String phone,
			@Size(max = 10) String code) {
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {
	}

}
