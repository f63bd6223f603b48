package org.suxiu.inspection.internal;

import java.net.URI;
import java.util.List;

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
import org.suxiu.inspection.CheckedIn;
import org.suxiu.inspection.Checkin;
import org.suxiu.inspection.Inspections;
import org.suxiu.inspection.NewRound;
import org.suxiu.inspection.NewRoute;
import org.suxiu.inspection.RoundDetails;
import org.suxiu.inspection.RoundView;
import org.suxiu.inspection.RouteView;
import org.suxiu.shared.Actor;

/** Inspection routes, rounds and check-ins over the API. */
@RestController
@Tag(name = "Inspection rounds 巡检")
class InspectionController {

	private final Inspections inspections;

	private final String labelBase;

	InspectionController(Inspections inspections,
			@org.springframework.beans.factory.annotation.Value("${suxiu.labels.base-url:http://localhost:8080}") String labelBase) {
		this.inspections = inspections;
		this.labelBase = labelBase;
	}

	@GetMapping(path = "/api/v1/checkpoints/{id}/label.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "A checkpoint's QR label 检查点二维码 (PNG; scanning opens its check-in form)")
	ResponseEntity<byte[]> label(Actor actor, @PathVariable long id) {
		RouteView.CheckpointView point = inspections.checkpoint(actor, id);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.body(org.suxiu.shared.QrLabels.png(labelBase + "/checkpoints/" + point.id(), point.name(),
					"SuXiu checkpoint #" + point.id()));
	}

	@PostMapping(path = "/api/v1/inspection-routes", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a route of checkpoints and check items 新建巡检路线 (ADMIN, MANAGER, SUPERVISOR)")
	ResponseEntity<RouteView> createRoute(Actor actor, @RequestBody NewRoute route) {
		RouteView created = inspections.createRoute(actor, route);
		return ResponseEntity.created(URI.create("/api/v1/inspection-routes?projectCode=" + created.projectCode()))
			.body(created);
	}

	@GetMapping("/api/v1/inspection-routes")
	@Operation(summary = "A project's routes 巡检路线")
	Items<RouteView> routes(Actor actor, @RequestParam String projectCode) {
		return new Items<>(inspections.routes(actor, projectCode));
	}

	@PostMapping(path = "/api/v1/inspection-rounds", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Plan a round for a technician 安排巡检 (ADMIN, MANAGER, SUPERVISOR)")
	ResponseEntity<RoundView> planRound(Actor actor, @RequestBody NewRound round) {
		RoundView planned = inspections.planRound(actor, round);
		return ResponseEntity.created(URI.create("/api/v1/inspection-rounds/" + planned.id())).body(planned);
	}

	@GetMapping("/api/v1/inspection-rounds")
	@Operation(summary = "Rounds: a technician's own, or a project's (latest first)")
	Items<RoundView> rounds(Actor actor, @RequestParam(required = false) String projectCode) {
		return new Items<>(inspections.rounds(actor, projectCode));
	}

	@GetMapping("/api/v1/inspection-rounds/{id}")
	@Operation(summary = "A round with each checkpoint's check-in and results")
	RoundDetails round(Actor actor, @PathVariable long id) {
		return inspections.round(actor, id);
	}

	@PostMapping(path = "/api/v1/inspection-rounds/{id}/checkins", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Check in at a checkpoint with its results 巡检打卡 (the round's assignee)",
			description = "One result per item: pass for PASS_FAIL items, value for readings. A failed item or a "
					+ "reading out of limits raises an order (INSPECTION, graded by the triage rules, naming the "
					+ "checkpoint's asset). A checkpoint checked in twice answers 409.")
	ResponseEntity<CheckedIn> checkIn(Actor actor, @PathVariable long id, @RequestBody Checkin checkin) {
		return ResponseEntity.status(HttpStatus.CREATED).body(inspections.checkIn(actor, id, checkin));
	}

	record Items<T>(List<T> items) {
	}

}
