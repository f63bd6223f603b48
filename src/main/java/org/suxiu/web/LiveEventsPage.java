package org.suxiu.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.suxiu.live.LiveStreams;
import org.suxiu.shared.Actor;

/**
 * {@code GET /live/events}: the same live events as {@code GET /api/v1/events}, for a
 * browser signed in by page session (its EventSource sends the session cookie). The pages
 * refresh their live fragment when an event about an order they show arrives.
 */
@Controller
class LiveEventsPage {

	private final LiveStreams streams;

	LiveEventsPage(LiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/live/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(Actor me, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParameter,
			HttpServletResponse response) throws IOException {
		return streams.open(me, lastEventIdHeader, lastEventIdParameter, response);
	}

}
