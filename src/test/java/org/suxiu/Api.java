package org.suxiu;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests that go through the whole application, as an integrator
 * would.
 */
public class Api {

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final JsonMapper json;

	public Api(int port, JsonMapper json) {
		this.base = "http://localhost:" + port;
		this.json = json;
	}

	/**
	 * A bearer token for a demo account (password {@code demo123}), cached for the test
	 * run.
	 */
	public String token(String username) {
		return TOKENS.computeIfAbsent(base + username, key -> {
			Response response = post(null, "/api/v1/auth/token", Map.of("username", username, "password", "demo123"));
			if (response.status() != 200) {
				throw new IllegalStateException("Cannot sign in " + username + ": " + response.body());
			}
			return response.body().get("accessToken").asString();
		});
	}

	/**
	 * Signs {@code username} in with {@code password} and keeps the token for later calls
	 * as that user.
	 */
	public String signIn(String username, String password) {
		Response response = post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("Cannot sign in " + username + ": " + response.body());
		}
		String token = response.body().get("accessToken").asString();
		TOKENS.put(base + username, token);
		return token;
	}

	/** A multipart upload of one file in the part {@code file}. */
	public Response upload(String user, String path, String filename, byte[] content) {
		String boundary = "suxiu-" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(user,
				HttpRequest.newBuilder(URI.create(base + path))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * A multipart request of several parts, e.g. a JSON part and files.
	 *
	 * @param name the part's name
	 * @param filename its file name, or {@code null} for a plain part
	 * @param contentType its type
	 * @param content its bytes
	 */
	public record Part(String name, String filename, String contentType, byte[] content) {

		public static Part json(String name, String json) {
			return new Part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
		}

		public static Part file(String name, String filename, byte[] content) {
			return new Part(name, filename, "application/octet-stream", content);
		}

	}

	/** A multipart POST of the parts. */
	public Response multipart(String user, String path, java.util.List<Part> parts) {
		String boundary = "suxiu-" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (Part part : parts) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
					+ (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"") + "\r\nContent-Type: "
					+ part.contentType() + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(user,
				HttpRequest.newBuilder(URI.create(base + path))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** The raw bytes of a download, or empty with a status other than 200. */
	public HttpResponse<byte[]> download(String user, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		request.header("Authorization", "Bearer " + token(user));
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response get(String user, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(user, request);
	}

	public Response post(String user, String path, Object body, String... headers) {
		String text = body instanceof String raw ? raw : json.writeValueAsString(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(user, request);
	}

	public Response put(String user, String path, Object body) {
		String text = body instanceof String raw ? raw : json.writeValueAsString(body);
		return send(user,
				HttpRequest.newBuilder(URI.create(base + path))
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
	}

	/** A PUT of CSV text ({@code text/csv}). */
	public Response putCsv(String user, String path, String csv) {
		return send(user,
				HttpRequest.newBuilder(URI.create(base + path))
					.header("Content-Type", "text/csv; charset=UTF-8")
					.PUT(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
	}

	public Response patch(String user, String path, Object body) {
		String text = body instanceof String raw ? raw : json.writeValueAsString(body);
		return send(user,
				HttpRequest.newBuilder(URI.create(base + path))
					.header("Content-Type", "application/json")
					.method("PATCH", HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
	}

	/** A request with a bearer token given as is (one the cache does not hold). */
	public Response getWithToken(String token, String path) {
		return getWithAuthorization("Bearer " + token, path);
	}

	/** A POST with a bearer token given as is. */
	public Response postWithToken(String token, String path, Object body) {
		String text = body instanceof String raw ? raw : json.writeValueAsString(body);
		return send(null,
				HttpRequest.newBuilder(URI.create(base + path))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + token)
					.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
	}

	/** Signs in afresh, bypassing the cache. */
	public String freshToken(String username, String password) {
		Response response = post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("Cannot sign in " + username + ": " + response.body());
		}
		return response.body().get("accessToken").asString();
	}

	public Response delete(String user, String path) {
		return send(user, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
	}

	/** A request with a raw {@code Authorization} header value, or none. */
	public Response getWithAuthorization(String authorization, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(null, request);
	}

	private Response send(String user, HttpRequest.Builder request) {
		if (user != null) {
			request.header("Authorization", "Bearer " + token(user));
		}
		request.timeout(Duration.ofSeconds(30));
		try {
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			JsonNode body = response.body().isBlank() ? json.nullNode() : parse(response.body());
			return new Response(response.statusCode(), contentType, body,
					response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode parse(String body) {
		try {
			return json.readTree(body);
		}
		catch (RuntimeException ex) {
			return json.getNodeFactory().stringNode(body);
		}
	}

	/**
	 * What came back.
	 *
	 * @param status HTTP status
	 * @param contentType the Content-Type header
	 * @param body the parsed JSON body
	 * @param location the Location header, if any
	 */
	public record Response(int status, String contentType, JsonNode body, String location) {

		public String text(String field) {
			JsonNode node = body.get(field);
			return node == null || node.isNull() ? null : node.asString();
		}

		public boolean isProblem() {
			return contentType.startsWith("application/problem+json");
		}

		public String problemType() {
			String type = text("type");
			return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
		}

	}

}
