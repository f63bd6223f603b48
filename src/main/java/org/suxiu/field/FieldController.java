package org.suxiu.field;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.PlausibleTime;
import org.suxiu.shared.Problems;
import org.suxiu.workorder.WorkOrderView;
import org.suxiu.workorder.WorkOrders;

/**
 * The field tool over the API, for a technician app: the checklist of a job and the
 * replay of actions queued offline.
 */
@RestController
@Tag(name = "Field 外勤")
class FieldController {

	private final FieldActions actions;

	private final Checklists checklists;

	private final WorkOrders orders;

	private final Hurries hurries;

	private final Calls calls;

	FieldController(FieldActions actions, Checklists checklists, WorkOrders orders, Hurries hurries, Calls calls) {
		this.calls = calls;
		this.hurries = hurries;
		this.actions = actions;
		this.checklists = checklists;
		this.orders = orders;
	}

	@GetMapping("/api/v1/work-orders/{number}/checklist")
	@Operation(summary = "What to check before the job counts as done 检查项: the maintenance plan's lines for a "
			+ "planned order, else its repair type's (whoever may see the order)")
	List<ChecklistItem> checklist(Actor actor, @PathVariable String number) {
		return checklists.of(orders.read(actor, number));
	}

	@PostMapping("/api/v1/work-orders/{number}/hurry")
	@Operation(summary = "催单: the reporting owner hurries an open order → 202; again within the quiet period → 429 "
			+ "with Retry-After, nothing changed; the second hurry escalates to supervisors")
	ResponseEntity<WorkOrderView> hurry(Actor actor, @PathVariable String number,
			@RequestBody(required = false) HurryRequest request) {
		return ResponseEntity.accepted().body(hurries.hurry(actor, number, request == null ? null : request.note()));
	}

	@PostMapping("/api/v1/work-orders/{number}/call")
	@Operation(summary = "隐私号: a middle number connecting the reporting owner and the assigned technician "
			+ "while the job is open; neither real number is shown (the owner, the technician)")
	VirtualNumbers.Binding call(Actor actor, @PathVariable String number) {
		return calls.connect(actor, number);
	}

	@ExceptionHandler(HurriedTooSoon.class)
	ResponseEntity<ProblemDetail> tooSoon(HurriedTooSoon ex) {
		long seconds = Math.max(1, ex.retryAfter().toSeconds());
		ProblemDetail problem = Problems.of(ex);
		problem.setProperty("retryAfterSeconds", seconds);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * A hurry.
	 *
	 * @param note what the owner adds, optional
	 */
	record HurryRequest(@Size(max = 500) String note) {
	}

	@PostMapping("/api/v1/field/actions")
	@Operation(summary = "Replays actions a technician's phone queued offline, in order, each with its idempotency "
			+ "key: APPLIED, ALREADY_APPLIED (the key came before) or CONFLICT with the reason (the technician)")
	Replayed replay(Actor actor, @Valid @RequestBody Replay replay) {
		List<QueuedAction> queued = new ArrayList<>();
		for (int i = 0; i < replay.actions().size(); i++) {
			queued.add(replay.actions().get(i).toQueued(i));
		}
		return new Replayed(actions.replay(actor, queued));
	}

	/**
	 * Actions to replay, oldest first.
	 *
	 * @param actions at most {@value FieldActions#MAX_BATCH}
	 */
	record Replay(@NotNull @Size(max = FieldActions.MAX_BATCH) List<@Valid @NotNull Action> actions) {
	}

	/**
	 * One queued action.
	 *
	 * @param key idempotency key, unique per technician
	 * @param number the order
	 * @param action TAKE, ARRIVE, START, HOLD, RESUME or COMPLETE
	 * @param version the order's version the phone saw, optional
	 * @param note resolution (COMPLETE) or reason (HOLD)
	 * @param checklist ids of the checklist items ticked (COMPLETE)
	 * @param signature the owner's signature, a PNG as base64 or a {@code data:} URL
	 * (COMPLETE)
	 * @param takenAt when the technician took it
	 */
	record Action(@NotNull @Size(min = 1, max = 100) String key, @NotNull @Size(min = 1, max = 40) String number,
			@NotNull QueuedAction.Step action, Integer version, @Size(max = 2000) String note,
			@Size(max = 50) List<@NotNull @Size(max = 40) String> checklist, @Size(max = 2_000_000) String signature,
			@PlausibleTime OffsetDateTime takenAt) {

		QueuedAction toQueued(int index) {
			return new QueuedAction(key, number, action, version, note, checklist, decode(signature, index), takenAt);
		}

	}

	static byte[] decode(String signature, int index) {
		try {
			return QueuedAction.image(signature);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("actions[" + index + "].signature", "is not base64");
		}
	}

	/**
	 * The answer to each action, in the order sent.
	 *
	 * @param outcomes one per action
	 */
	record Replayed(List<ReplayOutcome> outcomes) {
	}

}
