package org.suxiu.triage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;

/**
 * Tenant-editable grading rules, and a preview of the grade the rules give a description.
 */
@RestController
@RequestMapping("/api/v1/triage")
@Tag(name = "Triage 分级")
class TriageController {

	private final Triage triage;

	private final ExemplarLibrary library;

	TriageController(Triage triage, ExemplarLibrary library) {
		this.triage = triage;
		this.library = library;
	}

	@PostMapping("/preview")
	@Operation(summary = "Grade a description without creating an order 预判等级")
	Preview preview(Actor actor, @Valid @RequestBody PreviewRequest request) {
		if (!actor.isStaff()) {
			throw new Forbidden("Only staff preview grades");
		}
		TriageResult result = triage.grade(actor.tenantId(), request.category(), request.description());
		return new Preview(result.grade(), result.uncertain(), result.matched(), result.ruleGrade(), result.floor(),
				result.probabilities(), result.neighbours());
	}

	@GetMapping("/exemplars")
	@Operation(summary = "The labelled descriptions grades are drawn from 分级样例 (the tenant's own first)")
	ExemplarPage exemplars(Actor actor, @RequestParam(required = false) Grade grade,
			@RequestParam(required = false) Exemplar.Source source, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		requireEditor(actor);
		if (page < 0 || page > 100_000 || size < 1 || size > 500) {
			throw new InvalidInput("page", "page from 0, size 1 to 500");
		}
		List<Exemplar> all = library.list(actor.tenantId(), grade, source);
		int from = (int) Math.min((long) page * size, all.size());
		return new ExemplarPage(all.subList(from, Math.min(from + size, all.size())), page, size, all.size());
	}

	@DeleteMapping("/exemplars/{id}")
	@Operation(summary = "Remove one of the tenant's exemplars, or hide a shipped one for the tenant 删除样例")
	ResponseEntity<Void> removeExemplar(Actor actor, @PathVariable String id) {
		requireEditor(actor);
		library.remove(actor.tenantId(), id, actor.username());
		return ResponseEntity.noContent().build();
	}

	@GetMapping(value = "/exemplars/export", produces = "application/x-ndjson")
	@Operation(summary = "The tenant's own exemplars as JSON lines 导出样例")
	ResponseEntity<String> exportExemplars(Actor actor) {
		requireEditor(actor);
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"triage-exemplars.jsonl\"")
			.contentType(MediaType.parseMediaType("application/x-ndjson;charset=UTF-8"))
			.body(library.export(actor.tenantId()));
	}

	@PostMapping("/exemplars/import")
	@Operation(summary = "Import exemplars as JSON lines {text, grade, category?, note?}: all or none 导入样例")
	Imported importExemplars(Actor actor, @RequestBody String body) {
		requireEditor(actor);
		if (body.length() > 4_000_000) {
			throw new InvalidInput("body", "at most 4 MB per import");
		}
		return new Imported(library.importLines(actor.tenantId(), body, actor.username()));
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

	record PreviewRequest(Category category, @NotNull @Size(max = 20000) String description) {
	}

	/**
	 * A grade and why.
	 *
	 * @param grade the grade an order with this description would get
	 * @param uncertain the signals disagree: a person should confirm the grade
	 * @param matched the rule phrases behind the rules' grade
	 * @param ruleGrade the grade of the phrase rules alone
	 * @param floor the safety floor that applied, or null
	 * @param probabilities the model's probability per grade
	 * @param neighbours the three nearest labelled exemplars
	 */
	record Preview(Grade grade, boolean uncertain, List<String> matched, Grade ruleGrade,
			TriageResult.AppliedFloor floor, Map<Grade, Double> probabilities,
			List<TriageResult.Neighbour> neighbours) {
	}

	record ExemplarPage(List<Exemplar> items, int page, int size, int total) {
	}

	record Imported(int imported) {
	}

	record RulesUpdate(@NotNull @PositiveOrZero Integer version, @NotNull @Valid TriageRules rules) {
	}

}
