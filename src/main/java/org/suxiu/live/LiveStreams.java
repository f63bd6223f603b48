package org.suxiu.live;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;

/**
 * Opens a signed-in person's live-event stream, for the API's {@code GET /api/v1/events}
 * and for pages signed in by session alike: the same events, audience and replay.
 */
@Component
public class LiveStreams {

	private final LiveConnections connections;

	LiveStreams(LiveConnections connections) {
		this.connections = connections;
	}

	/**
	 * Opens {@code actor}'s stream after the given last event id (the
	 * {@code Last-Event-ID} header, else the query parameter; blank for the present).
	 * @throws InvalidInput if the id is not one this stream gives out
	 */
	public SseEmitter open(Actor actor, String lastEventIdHeader, String lastEventIdParameter,
			HttpServletResponse response) throws IOException {
		Long lastEventId = parse(
				lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventIdParameter);
		response.setHeader("Cache-Control", "no-cache");
		// nginx and similar proxies must not buffer the stream
		response.setHeader("X-Accel-Buffering", "no");
		return connections.open(actor, lastEventId);
	}

	private static Long parse(String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(lastEventId.trim());
			if (id < 0) {
				throw new NumberFormatException();
			}
			return id;
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("Last-Event-ID", "must be the id of an event received from this stream");
		}
	}

}
