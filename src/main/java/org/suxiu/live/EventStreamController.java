package org.suxiu.live;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.suxiu.shared.Actor;

/**
 * {@code GET /api/v1/events}: the signed-in person's live events as Server-Sent Events.
 */
@RestController
@Tag(name = "Live events 实时动态")
class EventStreamController {

	private final LiveStreams streams;

	EventStreamController(LiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Live events for the signed-in user 实时动态 (Server-Sent Events)",
			description = """
					Each event has an `id` and JSON `data` {"type","number","at",...}: created, dispatched, unassigned, declined, taken, \
					arrived, rescued, started, held, resumed, completed, accepted, reopened, closed, cancelled, regraded, rescheduled, \
					sla-warning, sla-breach, escalated. Owners receive their own orders' news, technicians their jobs', \
					dispatchers, supervisors, agents and managers everything in the projects they serve. \
					A reconnecting client sends `Last-Event-ID` (or `?lastEventId=`) and receives what it missed, \
					kept for at least 24 h. Browsers' EventSource cannot set headers: this endpoint alone also accepts the \
					token as `?access_token=`. A comment line every 15 s keeps proxies from closing an idle stream.""")
	SseEmitter events(Actor actor,
			@Parameter(description = "the id of the last event received") @RequestHeader(name = "Last-Event-ID",
					required = false) String lastEventIdHeader,
			@Parameter(description = "as Last-Event-ID, for clients that cannot set headers") @RequestParam(
					name = "lastEventId", required = false) String lastEventIdParameter,
			HttpServletResponse response) throws IOException {
		return streams.open(actor, lastEventIdHeader, lastEventIdParameter, response);
	}

}
