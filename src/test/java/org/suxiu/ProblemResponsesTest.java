package org.suxiu;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.suxiu.Api.Response;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error, whether raised by a controller, the security filters or the container,
 * answers as RFC 9457 problem JSON and never leaks a stack trace.
 */
class ProblemResponsesTest extends ApplicationTest {

	@Autowired
	private JwtEncoder encoder;

	@Autowired
	private JwtDecoder decoder;

	@Test
	void unknownApiPathWithValidTokenIsNotFound() {
		Response response = api.get("agent", "/api/v1/no-such-thing");

		assertProblem(response, 404);
	}

	@Test
	void unknownApiPathWithoutTokenIsUnauthenticatedWithChallenge() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/no-such-thing"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
		assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("Exception", "at org.");
	}

	@Test
	void unknownPathOutsideApiIsNotFound() {
		Response response = api.getWithAuthorization(null, "/no-such-page.html");

		assertProblem(response, 404);
	}

	@Test
	void wrongPasswordIsUnauthenticated() {
		Response response = api.post(null, "/api/v1/auth/token", Map.of("username", "agent", "password", "wrong"));

		assertProblem(response, 401);
	}

	@Test
	void technicianMayNotDispatch() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		// their own job: they see it (anybody else's job is 404 to a technician)
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech01"));

		Response response = api.post("tech01", "/api/v1/work-orders/" + number + "/dispatch",
				Map.of("technicianId", "tech02"));

		assertProblem(response, 403);
	}

	@Test
	void unknownOrderNumberIsNotFound() {
		Response response = api.get("agent", "/api/v1/work-orders/BX20000101999999");

		assertProblem(response, 404);
	}

	@Test
	void garbageBearerTokenIsUnauthenticated() {
		Response response = api.getWithAuthorization("Bearer not.a.token", "/api/v1/work-orders");

		assertProblem(response, 401);
	}

	@Test
	void expiredBearerTokenIsUnauthenticated() {
		String expired = agentTokenExpiringAt(Instant.now().minus(Duration.ofHours(1)));

		Response response = api.getWithAuthorization("Bearer " + expired, "/api/v1/work-orders");

		assertProblem(response, 401);
	}

	@Test
	void sameTokenNotYetExpiredIsAccepted() {
		String fresh = agentTokenExpiringAt(Instant.now().plus(Duration.ofHours(1)));

		Response response = api.getWithAuthorization("Bearer " + fresh, "/api/v1/work-orders");

		assertThat(response.status()).isEqualTo(200);
	}

	/**
	 * The agent's real claims, re-signed with the application's key and a chosen expiry.
	 */
	private String agentTokenExpiringAt(Instant expiresAt) {
		Jwt real = decoder.decode(api.token("agent"));
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.claims(all -> all.putAll(real.getClaims()))
			.issuedAt(expiresAt.minus(Duration.ofHours(8)))
			.expiresAt(expiresAt)
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
		assertThat(response.text("type")).isNotBlank();
		assertThat(response.text("title")).isNotBlank();
		assertThat(response.body().get("status").asInt()).isEqualTo(status);
		assertThat(response.body().toString()).doesNotContain("Exception", "at org.");
	}

}
