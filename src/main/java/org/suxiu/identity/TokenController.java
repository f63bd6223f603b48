package org.suxiu.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

	private final Credentials credentials;

	private final Tokens tokens;

	private final SmsSignIn smsSignIn;

	TokenController(Credentials credentials, Tokens tokens, SmsSignIn smsSignIn) {
		this.credentials = credentials;
		this.tokens = tokens;
		this.smsSignIn = smsSignIn;
	}

	@PostMapping("/api/v1/auth/token")
	@Operation(summary = "Sign in 登录",
			description = "Staff sign in with their username and password; owners with their mobile number and "
					+ "password, or with {\"phone\", \"code\"} after POST /api/v1/auth/sms-code.")
	ResponseEntity<?> token(@Valid @RequestBody TokenRequest request) {
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
		Optional<Actor> actor = credentials.check(request.username(), request.password());
		if (actor.isEmpty()) {
			ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "bad-credentials", "Unauthorized",
					"Wrong username or password 用户名或密码错误");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		}
		return ResponseEntity.ok(new TokenResponse(tokens.issue(actor.get()), "Bearer", tokens.lifetime().toSeconds()));
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
		return ResponseEntity
			.ok(new TokenResponse(tokens.issue(attempt.owner()), "Bearer", tokens.lifetime().toSeconds()));
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
