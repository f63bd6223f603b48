package org.suxiu.identity;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.shared.Problems;

/**
 * {@code POST /api/v1/auth/sms-code}: sends an owner a one-time code (验证码) to sign in
 * with. Every number gets the same answer, so the endpoint does not tell who is an owner;
 * only owners' numbers receive an SMS, and the limits hold for every number.
 */
@RestController
@Tag(name = "Auth 登录")
class SmsCodeController {

	private final SmsSignIn signIn;

	SmsCodeController(SmsSignIn signIn) {
		this.signIn = signIn;
	}

	@PostMapping("/api/v1/auth/sms-code")
	@Operation(summary = "Send a sign-in code by SMS 获取验证码",
			description = "202: a 6-digit code is on its way, valid 5 minutes. At most one a minute and ten a day per "
					+ "number (429 with Retry-After); five wrong codes lock the number for 30 minutes, counted only "
					+ "while a code is outstanding. Per client address from the 10th request within an hour each "
					+ "waits a minute, doubling; the 30th locks the address for an hour.")
	ResponseEntity<?> request(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
		SmsSignIn.CodeRequest answer = signIn.request(request.phone(), http.getRemoteAddr());
		if (answer.refusal() == SmsSignIn.Refusal.UNAVAILABLE) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "sms-unavailable", "SMS unavailable",
						"The code could not be sent; try again shortly 验证码发送失败，请稍后重试"));
		}
		if (!answer.sent()) {
			return refused(answer.refusal(), answer.retryAfter());
		}
		return ResponseEntity.accepted()
			.body(new CodeSent(signIn.validFor().toSeconds(), signIn.interval().toSeconds()));
	}

	static ResponseEntity<ProblemDetail> refused(SmsSignIn.Refusal refusal, Duration retryAfter) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		ProblemDetail problem = switch (refusal) {
			case TOO_SOON -> Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
					"One code a minute per number; ask again in " + seconds + " s 请" + seconds + "秒后再试");
			case DAILY_LIMIT -> Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
					"No more codes for this number today 今日验证码次数已用完");
			case LOCKED -> Problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-locked", "Sign-in locked",
					"Too many wrong codes; this number is locked for " + (seconds + 59) / 60 + " min 验证码错误次数过多，请稍后再试");
			case ADDRESS_LIMIT -> Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
					"Too many codes asked for from this address; ask again in " + seconds + " s 请求过于频繁，请" + seconds
							+ "秒后再试");
			case UNAVAILABLE -> throw new IllegalArgumentException("not a limit");
		};
		problem.setProperty("retryAfterSeconds", seconds);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
			.body(problem);
	}

	record CodeRequest(@NotBlank @Pattern(regexp = "1[3-9]\\d{9}",
			message = "must be a mainland mobile number (11 digits)") String phone) {
	}

	/**
	 * @param expiresIn seconds the code is valid
	 * @param resendAfter seconds before another code may be asked for
	 */
	record CodeSent(long expiresIn, long resendAfter) {
	}

}
