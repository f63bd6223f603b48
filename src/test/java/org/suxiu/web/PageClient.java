package org.suxiu.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen for page tests that need no JavaScript: keeps the session
 * cookie, reads the CSRF token from forms, posts forms.
 */
public final class PageClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	private final String forwardedFor;

	public PageClient(int port) {
		this(port, null);
	}

	/** A browser behind the loopback proxy, at {@code address} (X-Forwarded-For). */
	PageClient(int port, String address) {
		this.base = "http://localhost:" + port;
		this.forwardedFor = address;
	}

	/** Signs in through the sign-in form. */
	PageClient signIn(String username) {
		return signIn(username, "demo123");
	}

	PageClient signIn(String username, String password) {
		HttpResponse<String> answer = submit("/login", "/login", Map.of("username", username, "password", password));
		if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Cannot sign in " + username + ": " + answer.statusCode());
		}
		return this;
	}

	/** A download, such as an Excel export, as bytes. */
	HttpResponse<byte[]> bytes(String path) {
		try {
			return http.send(
					HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/**
	 * Posts {@code fields} to {@code action} with the CSRF token of the form on
	 * {@code page}.
	 */
	public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrfOn(page));
		return post(action, all);
	}

	/**
	 * As {@link #submit}, saying (as a browser does) that the form was on {@code page},
	 * so a refusal leads back there.
	 */
	public HttpResponse<String> submitFrom(String page, String action, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrfOn(page));
		return send(form(action, all).header("Referer", base + page));
	}

	/** Posts exactly {@code fields}, with no token unless they hold one. */
	public HttpResponse<String> post(String action, Map<String, String> fields) {
		return send(form(action, fields));
	}

	private HttpRequest.Builder form(String action, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
	}

	/**
	 * Posts a multipart form: {@code fields}, the CSRF token of the form on {@code page},
	 * and one file.
	 */
	HttpResponse<String> upload(String page, String action, Map<String, String> fields, String fileField,
			String fileName, byte[] content) {
		String boundary = "suxiu-" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrfOn(page));
		all.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** Opens {@code path} as a stream of lines (an event stream), with the session. */
	HttpResponse<java.util.stream.Stream<String>> lines(String path) {
		try {
			return http.send(
					HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").build(),
					HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String csrfOn(String page) {
		Matcher matcher = CSRF.matcher(get(page).body());
		if (!matcher.find()) {
			throw new IllegalStateException("No form with a CSRF token on " + page);
		}
		return matcher.group(1);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
