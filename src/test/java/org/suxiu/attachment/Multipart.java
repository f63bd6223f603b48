package org.suxiu.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Multipart uploads and byte downloads through the API, as an app would send them.
 */
public final class Multipart {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Multipart(int port) {
		this.base = "http://localhost:" + port;
	}

	public record Part(String name, String contentType, byte[] bytes) {
	}

	public HttpResponse<String> upload(String token, String path, Part... parts) {
		String boundary = "suxiu-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Part part : parts) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
					+ part.name() + "\"\r\nContent-Type: " + part.contentType() + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.bytes());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(
				HttpRequest.newBuilder(URI.create(base + path))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> download(String token, String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(60)).build(), handler);
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
