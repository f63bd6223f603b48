package org.suxiu.hardening;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smaller holes probing found: the sign-in redirect copied the Host header, pages had
 * no Content-Security-Policy, the device-alarm path was open, and wrong SMS codes locked
 * numbers that had no code outstanding.
 */
class SmallHolesTest extends ApplicationTest {

	@Test
	void theSignInRedirectIgnoresAForgedHost() throws IOException {
		String answer = raw("GET /owner HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 302");
		assertThat(answer).doesNotContain("evil.example");
	}

	@Test
	void pagesCarryAContentSecurityPolicyWithoutInlineScript() throws IOException {
		String answer = raw("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		String csp = answer.lines()
			.filter(l -> l.regionMatches(true, 0, "Content-Security-Policy:", 0, 24))
			.findFirst()
			.orElse("");
		assertThat(csp).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(answer).doesNotContain(" onchange=", " onclick=", " style=\"");
	}

	@Test
	void theDeviceAlarmPathIsNotOpen() {
		Response answer = api.post(null, "/api/v1/devices/dev-1/alarms", Map.of("type", "WATER"));

		assertThat(answer.status()).isEqualTo(401);
	}

	@Test
	void wrongCodesLockNoNumberWithoutACodeOutstanding() {
		String phone = "13712340000";
		for (int i = 0; i < 6; i++) {
			Response guess = api.post(null, "/api/v1/auth/token", Map.of("phone", phone, "code", "00000" + i));
			assertThat(guess.status()).isEqualTo(401);
		}

		Response sent = api.post(null, "/api/v1/auth/sms-code", Map.of("phone", phone));

		assertThat(sent.status()).isEqualTo(202);
	}

	@Test
	void wrongCodesStillLockANumberWithACodeOutstanding() {
		String phone = "13712340001";
		assertThat(api.post(null, "/api/v1/auth/sms-code", Map.of("phone", phone)).status()).isEqualTo(202);

		for (int i = 0; i < 4; i++) {
			api.post(null, "/api/v1/auth/token", Map.of("phone", phone, "code", "00000" + i));
		}
		Response fifth = api.post(null, "/api/v1/auth/token", Map.of("phone", phone, "code", "000009"));

		assertThat(fifth.status()).isEqualTo(429);
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
