package org.suxiu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One signed-in API client over HTTP/1.1 keep-alive. Bodies are sent and read as plain
 * strings: parsing JSON here would spend load-generator CPU that the server needs on the
 * same two cores.
 */
final class BenchClient {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http;

	private final String base;

	private final String authorization;

	private BenchClient(HttpClient http, String base, String authorization) {
		this.http = http;
		this.base = base;
		this.authorization = authorization;
	}

	static HttpClient newHttpClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** Signs in with {@code POST /api/v1/auth/token} and keeps the bearer token. */
	static BenchClient signIn(int port, String username, String password) {
		String base = "http://localhost:" + port;
		BenchClient anonymous = new BenchClient(newHttpClient(), base, null);
		Reply reply = anonymous.post("/api/v1/auth/token",
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
		Matcher token = ACCESS_TOKEN.matcher(reply.body());
		if (reply.status() != 200 || !token.find()) {
			throw new IllegalStateException("Cannot sign in " + username + ": " + reply.status() + " " + reply.body());
		}
		return new BenchClient(anonymous.http, base, "Bearer " + token.group(1));
	}

	/** Another person signed in over this client's connection pool. */
	BenchClient signInAs(String username, String password) {
		BenchClient anonymous = new BenchClient(this.http, this.base, null);
		Reply reply = anonymous.post("/api/v1/auth/token",
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
		Matcher token = ACCESS_TOKEN.matcher(reply.body());
		if (reply.status() != 200 || !token.find()) {
			throw new IllegalStateException("Cannot sign in " + username + ": " + reply.status() + " " + reply.body());
		}
		return new BenchClient(this.http, this.base, "Bearer " + token.group(1));
	}

	/**
	 * The same identity on its own connection pool, as a separate user agent would be.
	 */
	BenchClient withOwnConnection() {
		return new BenchClient(newHttpClient(), this.base, this.authorization);
	}

	Reply post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	Reply get(String path) {
		return send(request(path).GET());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(TIMEOUT);
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		return request;
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			return new Reply(-1, ex.toString(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Reply(-1, ex.toString(), null);
		}
	}

	/**
	 * What came back; status -1 when the request failed before an answer.
	 *
	 * @param status HTTP status
	 * @param body the body as text
	 * @param location the Location header, if any
	 */
	record Reply(int status, String body, String location) {
	}

}
