package org.suxiu.field.calls;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.suxiu.field.VirtualNumbers;

/**
 * A 隐私号 provider over HTTP: {@code POST {url}/bindings} with
 * {@code {"a","b","reference","expiresInSeconds","record"}}, signed with the key's secret
 * (headers {@code X-Key-Id}, {@code X-Timestamp}, {@code X-Nonce} and {@code X-Signature}
 * = base64 HMAC-SHA256 over method, path, timestamp, nonce and the body's SHA-256), and
 * answered {@code {"x","expiresAt"}}. A carrier's AXB API (China Mobile, Aliyun 号码隐私保护)
 * sits behind a small gateway of this shape, so swapping carriers touches no SuXiu code.
 * Any failure, including a timeout after 5 s, is {@link VirtualNumbers.Unavailable}.
 */
public class HttpVirtualNumbers implements VirtualNumbers {

	private final URI url;

	private final String keyId;

	private final byte[] secret;

	private final RestClient http;

	private final JsonMapper json;

	private final Clock clock;

	public HttpVirtualNumbers(URI url, String keyId, String secret, JsonMapper json, Clock clock) {
		if (url == null || keyId == null || secret == null || secret.length() < 16) {
			throw new IllegalStateException(
					"suxiu.calls.http.url, key-id and secret (16+ characters) must be configured for the HTTP provider");
		}
		this.url = url;
		this.keyId = keyId;
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
		timeouts.setConnectTimeout(Duration.ofSeconds(5));
		timeouts.setReadTimeout(Duration.ofSeconds(5));
		this.http = RestClient.builder().requestFactory(timeouts).build();
		this.json = json;
		this.clock = clock;
	}

	@Override
	public Binding bind(String a, String b, String reference, Duration ttl, boolean record) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("a", a);
		request.put("b", b);
		request.put("reference", reference);
		request.put("expiresInSeconds", ttl.toSeconds());
		request.put("record", record);
		String body = json.writeValueAsString(request);
		URI target = url.resolve(url.getPath().endsWith("/") ? "bindings" : url.getPath() + "/bindings");
		String timestamp = String.valueOf(clock.instant().getEpochSecond());
		String nonce = UUID.randomUUID().toString();
		try {
			String answer = http.post()
				.uri(target)
				.contentType(MediaType.APPLICATION_JSON)
				.header("X-Key-Id", keyId)
				.header("X-Timestamp", timestamp)
				.header("X-Nonce", nonce)
				.header("X-Signature", sign("POST", target.getPath(), timestamp, nonce, body))
				.body(body)
				.retrieve()
				.body(String.class);
			JsonNode x = json.readTree(answer == null ? "{}" : answer);
			if (x.get("x") == null || x.get("x").asString().isBlank()) {
				throw new Unavailable("The virtual-number provider answered without a number");
			}
			Instant expires = x.get("expiresAt") == null ? clock.instant().plus(ttl)
					: Instant.parse(x.get("expiresAt").asString());
			return new Binding(x.get("x").asString(), expires, record);
		}
		catch (RestClientException | tools.jackson.core.JacksonException | java.time.DateTimeException ex) {
			throw new Unavailable("The virtual-number provider could not bind: " + ex.getMessage());
		}
	}

	/**
	 * The signature the provider checks; public so that a provider stand-in can check it.
	 */
	public static String signature(byte[] secret, String method, String path, String timestamp, String nonce,
			String body) {
		try {
			String digest = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			String text = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + digest;
			return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String sign(String method, String path, String timestamp, String nonce, String body) {
		return signature(secret, method, path, timestamp, nonce, body);
	}

}
