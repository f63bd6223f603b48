package org.suxiu.aftercare;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;

/** Aftercare over the API: the project's rules, the follow-up list and its calls. */
@RestController
@Tag(name = "Aftercare 售后回访")
class AftercareController {

	private final FollowUps followUps;

	private final AftercareRulebook rulebook;

	AftercareController(FollowUps followUps, AftercareRulebook rulebook) {
		this.followUps = followUps;
		this.rulebook = rulebook;
	}

	@GetMapping("/api/v1/follow-ups")
	@Operation(summary = "Follow-up calls by due time 回访列表 (AGENT; SUPERVISOR, MANAGER, ADMIN read)",
			description = "The calls of the projects the caller serves, earliest due first. due=yyyy-MM-dd: only "
					+ "those due by the end of that day (the project's zone); status: DUE (default), DONE, NO_CALL, "
					+ "CLOSED_WITHOUT_CALL or REOPENED. Reporter numbers are in full for agents only.")
	FollowUps.Page list(Actor actor, @RequestParam(required = false) String projectCode,
			@RequestParam(required = false) String due, @RequestParam(required = false) FollowUpStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return followUps.list(actor, projectCode, date(due), status, page, size);
	}

	@GetMapping("/api/v1/follow-ups/{number}")
	@Operation(summary = "One order's follow-up 回访")
	FollowUpView get(Actor actor, @PathVariable String number) {
		return followUps.get(actor, number);
	}

	@PostMapping("/api/v1/follow-ups/{number}/calls")
	@Operation(summary = "Record a follow-up call 记录回访 (AGENT)",
			description = "outcome SATISFIED or UNSATISFIED (reason required) closes the order as the follow-up "
					+ "action does; an unsatisfied owner's complaint opens by itself. NOT_REACHED counts a try; the "
					+ "project's last try (default the third) closes the order as not reached. 409 when the "
					+ "follow-up is finished, the order is not accepted, or version is not the current one.")
	FollowUpView call(Actor actor, @PathVariable String number, @RequestBody FollowUps.Call call) {
		return followUps.record(actor, number, call);
	}

	@GetMapping("/api/v1/projects/{code}/aftercare-rules")
	@Operation(summary = "The project's aftercare rules 售后规则 (its office staff)")
	AftercareRules rules(Actor actor, @PathVariable String code) {
		return rulebook.read(actor, code);
	}

	@PutMapping("/api/v1/projects/{code}/aftercare-rules")
	@Operation(summary = "Change the aftercare rules (MANAGER, ADMIN)",
			description = "Fields left out keep their values; every bad field is named and nothing is saved.")
	AftercareRules update(Actor actor, @PathVariable String code, @RequestBody AftercareRules changes) {
		return rulebook.update(actor, code, changes);
	}

	private static LocalDate date(String due) {
		if (due == null || due.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(due);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInput("due", "a date, yyyy-MM-dd");
		}
	}

}
