package org.suxiu.sla;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.PlausibleTime;
import org.suxiu.shared.Role;

/**
 * SLA policies, the working calendar per project, and SLA figures for a period.
 */
@RestController
@Tag(name = "SLA 服务时限")
class SlaController {

	private final SlaPolicies policies;

	private final SlaSummaries summaries;

	private final PropertyDirectory directory;

	private final SlaAdministration administration;

	private final SummaryPeriod period;

	SlaController(SlaPolicies policies, SlaSummaries summaries, PropertyDirectory directory,
			SlaAdministration administration, SummaryPeriod period) {
		this.period = period;
		this.administration = administration;
		this.policies = policies;
		this.summaries = summaries;
		this.directory = directory;
	}

	@GetMapping("/api/v1/projects/{code}/sla-policy")
	@Operation(summary = "The project's SLA policy 服务时限 (MANAGER, ADMIN)")
	SlaPolicy policy(Actor actor, @PathVariable String code) {
		return policies.policy(editable(actor, code).id());
	}

	@PutMapping("/api/v1/projects/{code}/sla-policy")
	@Operation(summary = "Change the project's SLA policy (MANAGER, ADMIN)",
			description = "Send the document as read with values changed, or only the members to change. "
					+ "A 'version' that is no longer current answers 409. Applies to orders reported from now on.")
	SlaPolicy update(Actor actor, @PathVariable String code, @RequestBody JsonNode changes) {
		return policies.update(editable(actor, code).id(), changes, actor.username());
	}

	@PutMapping("/api/v1/projects/{code}/calendar/{day}")
	@Operation(summary = "Declare a day a holiday or a make-up working day 调休 (MANAGER, ADMIN)")
	CalendarDay declare(Actor actor, @PathVariable String code,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@Valid @RequestBody CalendarDayRequest request) {
		policies.declare(editable(actor, code).id(), day, request.type());
		return new CalendarDay(day, request.type(), "PROJECT");
	}

	@DeleteMapping("/api/v1/projects/{code}/calendar/{day}")
	@Operation(summary = "Restore the shipped calendar for a day (MANAGER, ADMIN)")
	ResponseEntity<Void> restore(Actor actor, @PathVariable String code,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		policies.restore(editable(actor, code).id(), day);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/sla/summary")
	@Operation(summary = "Share of promises kept per grade and clock, and minutes to respond and arrive",
			description = "'rescues' gives the lift entrapments (L1 ELEVATOR) reported in the period and the mean and "
					+ "90th percentile minutes from the report until the people trapped were freed (the rescue "
					+ "milestone). Counts the clocks that started in [from, to). Each bound is an instant with offset "
					+ "(2026-11-01T00:00:00+08:00) or a plain date in the project's zone: from=2026-11-01 starts that "
					+ "day, to=2026-11-30 ends with that day. Without from, this month; without to, one month "
					+ "after from. MANAGER, ADMIN, SUPERVISOR, DISPATCHER.")
	SlaSummaries.Summary summary(Actor actor, @RequestParam String projectCode,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		if (!actor.is(Role.MANAGER) && !actor.is(Role.ADMIN) && !actor.is(Role.SUPERVISOR)
				&& !actor.is(Role.DISPATCHER)) {
			throw new Forbidden("SLA figures are for managers, administrators, supervisors and dispatchers");
		}
		OffsetDateTime start = period.from(from);
		return summary(actor, projectCode, start, period.to(to, start));
	}

	private SlaSummaries.Summary summary(Actor actor, String projectCode, OffsetDateTime from, OffsetDateTime to) {
		if (!PlausibleTime.Check.isPlausible(from)) {
			throw new InvalidInput("from", "must lie between the years 1900 and 2199");
		}
		if (!PlausibleTime.Check.isPlausible(to)) {
			throw new InvalidInput("to", "must lie between the years 1900 and 2199");
		}
		if (!to.isAfter(from)) {
			throw new InvalidInput("to", "must be after from");
		}
		Project project = visible(actor, projectCode);
		return summaries.summary(project, from, to);
	}

	private Project editable(Actor actor, String code) {
		return administration.editable(actor, code);
	}

	private Project visible(Actor actor, String code) {
		return directory.project(code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
	}

	record CalendarDayRequest(@NotNull DayType type) {
	}

	record CalendarDay(LocalDate date, DayType type, String source) {
	}

}
