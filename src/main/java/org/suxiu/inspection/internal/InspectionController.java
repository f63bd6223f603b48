package org.suxiu.inspection.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suxiu.inspection.CheckedIn;
import org.suxiu.inspection.Checkin;
import org.suxiu.inspection.CheckinPhotos;
import org.suxiu.inspection.Inspections;
import org.suxiu.inspection.NewRound;
import org.suxiu.inspection.NewRoute;
import org.suxiu.inspection.RoundDetails;
import org.suxiu.inspection.RoundView;
import org.suxiu.inspection.RouteChange;
import org.suxiu.inspection.RouteView;
import org.suxiu.shared.Actor;
import org.suxiu.shared.SuxiuProperties;

/** Inspection routes, rounds and check-ins over the API. */
@RestController
@Tag(name = "Inspection rounds 巡检")
class InspectionController {

	private final Inspections inspections;

	private final String labelBase;

	InspectionController(Inspections inspections, SuxiuProperties suxiu) {
		this.inspections = inspections;
		this.labelBase = suxiu.siteUrl();
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

	@GetMapping("/api/v1/inspection-routes/{id}")
	@Operation(summary = "One route with its checkpoints in use 巡检路线")
	RouteView route(Actor actor, @PathVariable long id) {
		return inspections.route(actor, id);
	}

	@PutMapping(path = "/api/v1/inspection-routes/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Edit a route 编辑巡检路线 (ADMIN, MANAGER, SUPERVISOR)",
			description = "The whole route as it should be, with the version read. Checkpoints and items sent with "
					+ "their id are kept (QR labels stay valid), those without are added, those left out are retired: "
					+ "past rounds still show them, new check-ins do not ask for them. A stale version answers 409.")
	RouteView changeRoute(Actor actor, @PathVariable long id, @RequestBody RouteChange change) {
		return inspections.changeRoute(actor, id, change);
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

	@PostMapping(path = "/api/v1/inspection-rounds/{id}/checkins", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Check in with photos 巡检打卡（带照片）(the round's assignee)",
			description = "Part 'checkin': the check-in as JSON (application/json); parts 'photo': up to 3 JPEG or PNG "
					+ "photos of at most 10 MB each, checked by content and stored without their metadata. Anything "
					+ "else answers 415, too large 413, more than 3 photos 400; then nothing is recorded.")
	ResponseEntity<CheckedIn> checkInWithPhotos(Actor actor, @PathVariable long id,
			@RequestPart("checkin") Checkin checkin,
			@RequestPart(name = "photo", required = false) List<MultipartFile> photos) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(inspections.checkIn(actor, id, checkin, CheckinPhotos.of(photos)));
	}

	@GetMapping("/api/v1/inspection-rounds/{id}/photos/{photo}")
	@Operation(summary = "A check-in photo 巡检照片 (404 unless the caller may see the round)")
	ResponseEntity<InputStreamResource> photo(Actor actor, @PathVariable long id, @PathVariable UUID photo) {
		return CheckinPhotos.send(inspections.photo(actor, id, photo, false));
	}

	@GetMapping("/api/v1/inspection-rounds/{id}/photos/{photo}/thumbnail")
	@Operation(summary = "A check-in photo's thumbnail 缩略图 (JPEG, at most 320 px)")
	ResponseEntity<InputStreamResource> thumbnail(Actor actor, @PathVariable long id, @PathVariable UUID photo) {
		return CheckinPhotos.send(inspections.photo(actor, id, photo, true));
	}

	record Items<T>(List<T> items) {
	}

}
