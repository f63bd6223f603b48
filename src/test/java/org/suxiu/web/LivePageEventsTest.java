package org.suxiu.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.suxiu.ApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /live/events}: the live events of {@code /api/v1/events} for a browser
 * signed in by page session, with the same audience.
 */
class LivePageEventsTest extends ApplicationTest {

	private final List<HttpResponse<Stream<String>>> open = new CopyOnWriteArrayList<>();

	@AfterEach
	void closeStreams() {
		open.forEach(r -> r.body().close());
	}

	@Test
	void aDispatchersPageSessionReceivesTheOwnersReport() {
		PageClient dispatcher = new PageClient(port).signIn("dispatcher");
		HttpResponse<Stream<String>> stream = dispatcher.lines("/live/events");
		List<String> lines = collect(stream);

		String number = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");

		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(number)));
	}

	@Test
	void anOwnersPageStreamCarriesTheirOwnOrdersOnly() {
		PageClient owner = new PageClient(port).signIn("13800000002");
		List<String> lines = collect(owner.lines("/live/events"));

		String others = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		String own = api.post("13800000002", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");

		await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream().anyMatch(l -> l.contains(own)));
		assertThat(lines).noneMatch(l -> l.contains(others));
	}

	@Test
	void withoutASessionTheStreamAnswers401() {
		HttpResponse<Stream<String>> stream = new PageClient(port).lines("/live/events");
		open.add(stream);

		assertThat(stream.statusCode()).isEqualTo(401);
	}

	private List<String> collect(HttpResponse<Stream<String>> stream) {
		open.add(stream);
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try {
				stream.body().forEach(lines::add);
			}
			catch (RuntimeException ex) {
				// closed by the test
			}
		}, "live-page-reader");
		reader.setDaemon(true);
		reader.start();
		return lines;
	}

}
