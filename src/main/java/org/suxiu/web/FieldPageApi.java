package org.suxiu.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.suxiu.dispatch.PositionFix;
import org.suxiu.dispatch.TechnicianPositions;
import org.suxiu.field.FieldActions;
import org.suxiu.field.QueuedAction;
import org.suxiu.field.ReplayOutcome;
import org.suxiu.shared.Actor;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.PlausibleTime;

/**
 * What the technician's phone page sends by script, with its session and CSRF token:
 * positions while on duty, and actions queued while offline. Answers JSON, also when
 * refused (the script shows the reason), never a redirect.
 */
@RestController
class FieldPageApi {

	private final TechnicianPositions positions;

	private final FieldActions actions;

	private final Words words;

	FieldPageApi(TechnicianPositions positions, FieldActions actions, Words words) {
		this.positions = positions;
		this.actions = actions;
		this.words = words;
	}

	/**
	 * The service worker, allowed to control {@code /tech} itself as well as the pages
	 * under it.
	 */
	@GetMapping(value = "/tech/sw.js", produces = "text/javascript")
	ResponseEntity<Resource> serviceWorker() {
		return ResponseEntity.ok()
			.header("Service-Worker-Allowed", "/tech")
			.cacheControl(CacheControl.noCache())
			.body(new ClassPathResource("static/js/tech-sw.js"));
	}

	@PostMapping("/tech/positions")
	TechnicianPositions.Reported positions(Actor me, @Valid @RequestBody Positions body) {
		List<PositionFix> fixes = body.positions()
			.stream()
			.map(p -> new PositionFix(point(p.lat(), p.lng()), p.at() == null ? null : p.at().toInstant()))
			.toList();
		return positions.report(me, String.valueOf(me.id()), fixes);
	}

	@PostMapping("/tech/sync")
	Synced sync(Actor me, @Valid @RequestBody Sync body) {
		List<QueuedAction> queued = new ArrayList<>();
		for (int i = 0; i < body.actions().size(); i++) {
			Action a = body.actions().get(i);
			byte[] signature;
			try {
				signature = QueuedAction.image(a.signature());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("actions[" + i + "].signature", "is not base64");
			}
			queued.add(new QueuedAction(a.key(), a.number(), a.action(), a.version(), a.note(), a.checklist(),
					signature, a.takenAt()));
		}
		List<Outcome> outcomes = actions.replay(me, queued).stream().map(this::outcome).toList();
		return new Synced(outcomes);
	}

	private Outcome outcome(ReplayOutcome o) {
		String action = words.msg("field.action." + o.action().name());
		String message = o.reason() == null ? null : words.msg("field.reason." + o.reason().name());
		return new Outcome(o.key(), o.number(), action, o.result(), message);
	}

	private static GeoPoint point(double lat, double lng) {
		try {
			return new GeoPoint(lat, lng);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("positions", ex.getMessage());
		}
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Map<String, Object>> refused(DomainException ex) {
		return ResponseEntity.status(ex.status())
			.body(Map.of("type", ex.type(), "status", ex.status().value(), "detail", words.problem(ex)));
	}

	@ExceptionHandler({ MethodArgumentNotValidException.class, HttpMessageNotReadableException.class })
	ResponseEntity<Map<String, Object>> malformed(Exception ex) {
		return ResponseEntity.badRequest().body(Map.of("type", "invalid-input", "status", 400));
	}

	record Position(@NotNull Double lat, @NotNull Double lng, @PlausibleTime OffsetDateTime at) {
	}

	record Positions(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull Position> positions) {
	}

	record Action(@NotNull @Size(min = 1, max = 100) String key, @NotNull @Size(min = 1, max = 40) String number,
			@NotNull QueuedAction.Step action, Integer version, @Size(max = 2000) String note,
			@Size(max = 50) List<@NotNull @Size(max = 40) String> checklist, @Size(max = 2_000_000) String signature,
			@PlausibleTime OffsetDateTime takenAt) {
	}

	record Sync(@NotNull @Size(max = FieldActions.MAX_BATCH) List<@Valid @NotNull Action> actions) {
	}

	/**
	 * One action's answer, in the technician's words.
	 *
	 * @param key its key
	 * @param number the order
	 * @param action the step, in words
	 * @param result APPLIED, ALREADY_APPLIED or CONFLICT
	 * @param message why it was refused, in words, or {@code null}
	 */
	record Outcome(String key, String number, String action, ReplayOutcome.Result result, String message) {
	}

	record Synced(List<Outcome> outcomes) {
	}

}
