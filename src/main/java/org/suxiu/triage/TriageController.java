package org.suxiu.triage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.Role;

/**
 * Tenant-editable grading rules, and a preview of the grade the rules give a description.
 */
@RestController
@RequestMapping("/api/v1/triage")
@Tag(name = "Triage 分级")
class TriageController {

	private final Triage triage;

	TriageController(Triage triage) {
		this.triage = triage;
	}

	@PostMapping("/preview")
	@Operation(summary = "Grade a description without creating an order 预判等级")
	Preview preview(Actor actor, @Valid @RequestBody PreviewRequest request) {
		if (!actor.isStaff()) {
			throw new Forbidden("Only staff preview grades");
		}
		TriageResult result = triage.grade(actor.tenantId(), request.category(), request.description());
		return new Preview(result.grade(), result.matched());
	}

	@GetMapping("/rules")
	@Operation(summary = "The tenant's grading rules 分级规则")
	Triage.VersionedRules rules(Actor actor) {
		requireEditor(actor);
		return triage.rules(actor.tenantId());
	}

	@PutMapping("/rules")
	@Operation(summary = "Replace the tenant's grading rules; 409 if someone changed them since 'version'")
	Triage.VersionedRules replace(Actor actor, @Valid @RequestBody RulesUpdate update) {
		requireEditor(actor);
		return triage.replace(actor.tenantId(), update.version(), update.rules(), actor.username());
	}

	@DeleteMapping("/rules")
	@Operation(summary = "Go back to the shipped grading rules 恢复默认规则")
	ResponseEntity<Void> restore(Actor actor) {
		requireEditor(actor);
		triage.restoreShipped(actor.tenantId());
		return ResponseEntity.noContent().build();
	}

	private static void requireEditor(Actor actor) {
		if (!actor.is(Role.ADMIN) && !actor.is(Role.MANAGER)) {
			throw new Forbidden("Only ADMIN and MANAGER edit grading rules");
		}
	}

	record PreviewRequest(Category category, @NotNull @Size(max = 2000) String description) {
	}

	record Preview(Grade grade, java.util.List<String> matched) {
	}

	record RulesUpdate(@NotNull @PositiveOrZero Integer version, @NotNull @Valid TriageRules rules) {
	}

}
