package org.suxiu.field.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.suxiu.MutableClock;
import org.suxiu.field.VirtualNumbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HTTP 隐私号 adapter against a local stand-in of the provider that checks what a real
 * gateway checks: the key, a fresh timestamp, a nonce never seen before and the signature
 * over method, path, timestamp, nonce and body.
 */
class HttpVirtualNumbersTest {

	private static final String SECRET = "a-secret-of-at-least-16";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);

	private final Stand stand = new Stand();

	@AfterEach
	void stop() {
		stand.server.stop(0);
	}

	@Test
	void bindsAMiddleNumberWithASignedRequestAndRecordingOn() {
		HttpVirtualNumbers numbers = new HttpVirtualNumbers(stand.url(), "key-1", SECRET, JSON, clock);

		VirtualNumbers.Binding binding = numbers.bind("13800000001", "13900000209", "BX1", Duration.ofMinutes(30),
				true);

		assertThat(binding.number()).isEqualTo("17000000001");
		assertThat(binding.recorded()).isTrue();
		assertThat(binding.expiresAt()).isEqualTo(Instant.parse("2026-12-05T02:30:00Z"));
		JsonNode sent = stand.requests.get(0);
		assertThat(sent.get("a").asString()).isEqualTo("13800000001");
		assertThat(sent.get("b").asString()).isEqualTo("13900000209");
		assertThat(sent.get("record").asBoolean()).isTrue();
		assertThat(sent.get("expiresInSeconds").asLong()).isEqualTo(1800);
	}

	@Test
	void aWrongSecretIsRefusedByTheProviderAndAnsweredAsUnavailable() {
		HttpVirtualNumbers numbers = new HttpVirtualNumbers(stand.url(), "key-1", "another-secret-16chars", JSON,
				clock);

		assertThatThrownBy(() -> numbers.bind("13800000001", "13900000209", "BX1", Duration.ofMinutes(30), true))
			.isInstanceOf(VirtualNumbers.Unavailable.class);
		assertThat(stand.refused).contains("signature");
	}

	@Test
	void aProviderOutageOrAnAnswerWithoutANumberIsUnavailable() {
		HttpVirtualNumbers numbers = new HttpVirtualNumbers(stand.url(), "key-1", SECRET, JSON, clock);
		stand.answer = 500;

		assertThatThrownBy(() -> numbers.bind("13800000001", "13900000209", "BX1", Duration.ofMinutes(30), true))
			.isInstanceOf(VirtualNumbers.Unavailable.class);
		stand.answer = 0;
		assertThatThrownBy(() -> numbers.bind("13800000001", "13900000209", "BX1", Duration.ofMinutes(30), true))
			.isInstanceOf(VirtualNumbers.Unavailable.class);
	}

	@Test
	void aStaleTimestampIsRefused() {
		HttpVirtualNumbers numbers = new HttpVirtualNumbers(stand.url(), "key-1", SECRET, JSON, clock);
		stand.now = Instant.parse("2026-12-05T02:20:00Z");

		assertThatThrownBy(() -> numbers.bind("13800000001", "13900000209", "BX1", Duration.ofMinutes(30), true))
			.isInstanceOf(VirtualNumbers.Unavailable.class);
		assertThat(stand.refused).contains("timestamp");
	}

	/** The provider: checks each request as a gateway would and lends 170… numbers. */
	private final class Stand {

		final HttpServer server;

		final List<JsonNode> requests = new ArrayList<>();

		final Set<String> nonces = new HashSet<>();

		final List<String> refused = new ArrayList<>();

		int answer = 200;

		Instant now = Instant.parse("2026-12-05T02:00:00Z");

		Stand() {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server.createContext("/axb/bindings", this::handle);
			server.start();
		}

		URI url() {
			return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/axb");
		}

		private void handle(HttpExchange exchange) throws IOException {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			var headers = exchange.getRequestHeaders();
			String timestamp = headers.getFirst("X-Timestamp"), nonce = headers.getFirst("X-Nonce");
			String expected = HttpVirtualNumbers.signature(SECRET.getBytes(StandardCharsets.UTF_8), "POST",
					exchange.getRequestURI().getPath(), timestamp, nonce, body);
			String problem = !"POST".equals(exchange.getRequestMethod()) ? "method"
					: !"key-1".equals(headers.getFirst("X-Key-Id")) ? "key"
							: Math.abs(Long.parseLong(timestamp) - now.getEpochSecond()) > 300 ? "timestamp"
									: !nonces.add(nonce) ? "nonce"
											: !expected.equals(headers.getFirst("X-Signature")) ? "signature" : null;
			if (problem != null) {
				refused.add(problem);
				reply(exchange, 401, "{\"error\":\"" + problem + "\"}");
				return;
			}
			requests.add(JSON.readTree(body));
			if (answer == 500) {
				reply(exchange, 500, "{\"error\":\"busy\"}");
			}
			else if (answer == 0) {
				reply(exchange, 200, "{}");
			}
			else {
				reply(exchange, 200, "{\"x\":\"17000000001\",\"expiresAt\":\"2026-12-05T02:30:00Z\"}");
			}
		}

		private void reply(HttpExchange exchange, int status, String text) throws IOException {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

	}

}
