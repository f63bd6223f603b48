package org.suxiu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Server-Sent Events client over {@code java.net.http}, reading the stream in a thread
 * of its own as a phone would, and keeping what it received.
 */
public final class SseClient implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int status;

	private final String contentType;

	private final String body;

	private final InputStream stream;

	private final JsonMapper json;

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final Consumer<Event> onEvent;

	private volatile boolean ended;

	private SseClient(HttpResponse<InputStream> response, JsonMapper json, Consumer<Event> onEvent) throws IOException {
		this.status = response.statusCode();
		this.contentType = response.headers().firstValue("Content-Type").orElse("");
		this.json = json;
		this.onEvent = onEvent;
		if (status == 200) {
			this.stream = response.body();
			this.body = null;
			Thread reader = new Thread(this::read, "sse-client");
			reader.setDaemon(true);
			reader.start();
		}
		else {
			try (InputStream in = response.body()) {
				this.body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			this.stream = null;
			this.ended = true;
		}
	}

	/**
	 * Opens {@code path} on localhost with a bearer token (or none) and optional extra
	 * headers; returns once the response headers are in.
	 */
	public static SseClient open(int port, String path, String token, JsonMapper json, String... headers) {
		return open(port, path, token, json, event -> {
		}, headers);
	}

	/**
	 * As {@link #open(int, String, String, JsonMapper, String...)}, calling back on each
	 * event.
	 */
	public static SseClient open(int port, String path, String token, JsonMapper json, Consumer<Event> onEvent,
			String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/event-stream")
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()), json, onEvent);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String id = null;
			StringBuilder data = new StringBuilder();
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						Event event = new Event(id, json.readTree(data.toString()), System.nanoTime());
						events.add(event);
						onEvent.accept(event);
					}
					id = null;
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
				}
			}
		}
		catch (IOException ex) {
			// closed by us or by the server
		}
		finally {
			ended = true;
		}
	}

	public int status() {
		return status;
	}

	public String contentType() {
		return contentType;
	}

	/** The body of a refused request (a problem). */
	public JsonNode problem() {
		return json.readTree(body);
	}

	public List<Event> events() {
		return List.copyOf(events);
	}

	/** The events about one order, in the order received. */
	public List<Event> about(String number) {
		return events.stream().filter(e -> number.equals(e.text("number"))).toList();
	}

	/** The types of the events about one order, in the order received. */
	public List<String> typesAbout(String number) {
		return about(number).stream().map(Event::type).toList();
	}

	/** Whether the server ended the stream. */
	public boolean ended() {
		return ended;
	}

	@Override
	public void close() {
		if (stream != null) {
			try {
				stream.close();
			}
			catch (IOException ex) {
				// already gone
			}
		}
	}

	/**
	 * One received event.
	 *
	 * @param id its SSE id
	 * @param data its JSON
	 * @param receivedNanos {@link System#nanoTime()} on receipt
	 */
	public record Event(String id, JsonNode data, long receivedNanos) {

		public String type() {
			return text("type");
		}

		public String text(String field) {
			JsonNode node = data.get(field);
			return node == null || node.isNull() ? null : node.asString();
		}

	}

}
