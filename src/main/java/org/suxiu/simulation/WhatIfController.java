package org.suxiu.simulation;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;

/**
 * The manager's what-if: a past period of a project replayed with more technicians.
 */
@RestController
@Tag(name = "Dispatch 派工")
class WhatIfController {

	private static final List<Role> PLANNERS = List.of(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN);

	private final WhatIf whatIf;

	private final PropertyDirectory property;

	WhatIfController(WhatIf whatIf, PropertyDirectory property) {
		this.whatIf = whatIf;
		this.property = property;
	}

	@GetMapping("/api/v1/projects/{code}/what-if")
	@Operation(summary = "Replay a past period with more technicians 人手推演 (MANAGER, SUPERVISOR, ADMIN)",
			description = "technicians=2 adds two technicians like the ones most needed for the period's "
					+ "emergencies; the answer has what really happened, the replay with today's roster and "
					+ "with the added technicians, per policy and grade.")
	WhatIf.Result whatIf(Actor actor, @PathVariable String code,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int technicians) {
		if (!PLANNERS.contains(actor.role())) {
			throw new Forbidden("What-if replays are for managers, supervisors and administrators");
		}
		Project project = property.project(code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
		return whatIf.run(project, from, to, technicians, WhatIf.POLICIES);
	}

}
