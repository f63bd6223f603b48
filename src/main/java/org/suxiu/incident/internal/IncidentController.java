package org.suxiu.incident.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.incident.IncidentView;
import org.suxiu.incident.Incidents;
import org.suxiu.incident.NewIncident;
import org.suxiu.incident.ProposedIncident;
import org.suxiu.shared.Actor;

/** Incidents and building notices over the API. */
@RestController
@Tag(name = "Incidents 事件")
class IncidentController {

	private final Incidents incidents;

	IncidentController(Incidents incidents) {
		this.incidents = incidents;
	}

	@PostMapping(path = "/api/v1/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Link orders about one cause into an incident 合并为事件 (DISPATCHER, SUPERVISOR)",
			description = "Each linked order must not be taken yet; it is cancelled with the lead named and its "
					+ "reporter follows the lead (progress and closing messages). An order belongs to one incident.")
	ResponseEntity<IncidentView> create(Actor actor, @RequestBody NewIncident incident) {
		IncidentView created = incidents.create(actor, incident);
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/incidents")
	@Operation(summary = "A project's incidents 事件")
	Items<IncidentView> list(Actor actor, @RequestParam String projectCode) {
		return new Items<>(incidents.list(actor, projectCode));
	}

	@GetMapping("/api/v1/incidents/proposals")
	@Operation(summary = "Open orders that look like one cause 疑似同一故障 (same building or area, same category, "
			+ "within the proposal window)")
	Items<ProposedIncident> proposals(Actor actor, @RequestParam String projectCode) {
		return new Items<>(incidents.proposals(actor, projectCode));
	}

	@GetMapping("/api/v1/incidents/{id}")
	IncidentView read(Actor actor, @PathVariable long id) {
		return incidents.read(actor, id);
	}

	@PostMapping(path = "/api/v1/incidents/{id}/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Link one more order 追加并入")
	IncidentView link(Actor actor, @PathVariable long id, @RequestBody Link link) {
		return incidents.link(actor, id, link.number());
	}

	@PostMapping(path = "/api/v1/projects/{code}/notices", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A notice to every owner of a building 楼栋通知 (停水/停电; by SMS or app)")
	ResponseEntity<Map<String, Long>> notice(Actor actor, @PathVariable String code, @RequestBody Notice notice) {
		long id = incidents.notice(actor, code, notice.building(), notice.text());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id));
	}

	record Items<T>(List<T> items) {
	}

	record Link(String number) {
	}

	record Notice(String building, String text) {
	}

}
