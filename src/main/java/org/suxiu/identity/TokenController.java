package org.suxiu.identity;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.shared.Actor;
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

	TokenController(Credentials credentials, Tokens tokens) {
		this.credentials = credentials;
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/auth/token")
	@Operation(summary = "Sign in 登录",
			description = "Staff sign in with their username, owners with their mobile number.")
	ResponseEntity<?> token(@Valid @RequestBody PasswordLogin login) {
		Optional<Actor> actor = credentials.check(login.username(), login.password());
		if (actor.isEmpty()) {
			ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "bad-credentials", "Unauthorized",
					"Wrong username or password 用户名或密码错误");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		}
		return ResponseEntity.ok(new TokenResponse(tokens.issue(actor.get()), "Bearer", tokens.lifetime().toSeconds()));
	}

	record PasswordLogin(@NotBlank @Size(max = 50) String username, @NotBlank @Size(max = 128) String password) {
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {
	}

}
