package org.suxiu.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's and the bearer token's checks without regular expressions answer as
 * Spring Security's patterns do.
 */
class CheapChecksTest {

	/** StrictHttpFirewall's patterns for header names and header values. */
	private static final Pattern HEADER_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	private static final String[] PIECES = { "a", "Z", "0", " ", "~", ":", "=", "/", "+", "-", ".", "_", "\t", "\n",
			"\r", "\u0000", "\u007f", "\u0085", "\u00a0", "报修", "\u0378", "\ud83d\ude00", "\ud83d", "\ude00",
			"\udb40\udc80", "\ufffe", "\u200b" };

	@Test
	void acceptsAndRefusesTheHeadersTheFirewallsPatternsDo() {
		for (String text : samples()) {
			assertThat(CheapChecks.assignedAndNotControl(text, false)).as("name %s", escaped(text))
				.isEqualTo(HEADER_NAME.matcher(text).matches());
			assertThat(CheapChecks.assignedAndNotControl(text, true)).as("value %s", escaped(text))
				.isEqualTo(HEADER_VALUE.matcher(text).matches());
		}
	}

	@Test
	void refusesAControlCharacterInAHeaderValueButATab() {
		assertThat(CheapChecks.assignedAndNotControl("Bearer abc\n", true)).isFalse();

		assertThat(CheapChecks.assignedAndNotControl("text/html;\tq=0.9", true)).isTrue();
		assertThat(CheapChecks.assignedAndNotControl("X-\tName", false)).isFalse();
	}

	@Test
	void readsTheBearerTokenAsTheDefaultResolverDoes() {
		BearerTokenResolver standard = new DefaultBearerTokenResolver();
		BearerTokenResolver cheap = CheapChecks.bearerFromHeader(new DefaultBearerTokenResolver());
		List<String> headers = new ArrayList<>(
				List.of("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudCJ9.sig-_~+/==", "bearer abc", "BEARER abc=",
						"Bearer ", "Bearer", "Bearer ===", "Bearer abc=def", "Bearer a b", "Bearer  abc",
						"Basic YWdlbnQ6ZGVtbzEyMw==", "Bearerabc", "Bearer abc\t", "Bearer 报修", "Token abc", ""));
		Random random = new Random(19);
		for (int i = 0; i < 2000; i++) {
			StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR ");
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				String pool = "aZ09-._~+/= $报";
				header.append(pool.charAt(random.nextInt(pool.length())));
			}
			headers.add(header.toString());
		}
		for (String header : headers) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/work-orders");
			request.addHeader("Authorization", header);

			assertThat(answer(cheap, request)).as(header).isEqualTo(answer(standard, request));
		}
	}

	@Test
	void leavesARequestWithoutATokenToTheDefaultResolver() {
		BearerTokenResolver cheap = CheapChecks.bearerFromHeader(new DefaultBearerTokenResolver());

		assertThat(cheap.resolve(new MockHttpServletRequest("GET", "/api/v1/work-orders"))).isNull();
	}

	private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
		try {
			return "token " + resolver.resolve(request);
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	private static List<String> samples() {
		List<String> samples = new ArrayList<>(List.of(PIECES));
		samples.add("");
		Random random = new Random(19);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(6);
			for (int j = 0; j < length; j++) {
				text.append(PIECES[random.nextInt(PIECES.length)]);
			}
			samples.add(text.toString());
		}
		return samples;
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
		return out.toString();
	}

}
