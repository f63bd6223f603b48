package org.suxiu.maintenance.internal;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.maintenance.ComplianceLine;
import org.suxiu.maintenance.MaintenancePlans;
import org.suxiu.maintenance.NewPlan;
import org.suxiu.maintenance.PlanView;
import org.suxiu.maintenance.PlanWork;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;

/** Maintenance plans over the API. */
@RestController
@Tag(name = "Maintenance plans 维保计划")
class PlanController {

	private final MaintenancePlans plans;

	PlanController(MaintenancePlans plans) {
		this.plans = plans;
	}

	@PostMapping(path = "/api/v1/maintenance-plans", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a plan 新建维保计划 (ADMIN, MANAGER, SUPERVISOR)",
			description = "every N DAYS|WEEKS|MONTHS from startsOn, or METER every meterEvery; orders (L4, "
					+ "INSPECTION, naming the asset) are raised leadDays ahead, once per plan and due day. A due day "
					+ "off work moves by holidayRule: EARLIER (default), LATER or KEEP.")
	ResponseEntity<PlanView> create(Actor actor, @RequestBody NewPlan plan) {
		PlanView created = plans.create(actor, plan);
		return ResponseEntity.created(URI.create("/api/v1/maintenance-plans/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/maintenance-plans")
	@Operation(summary = "A project's plans 维保计划 (or one asset's)")
	Items<PlanView> list(Actor actor, @RequestParam String projectCode, @RequestParam(required = false) Long assetId) {
		return new Items<>(plans.list(actor, projectCode, assetId));
	}

	@GetMapping("/api/v1/maintenance-plans/{id}")
	@Operation(summary = "One plan with the work it generated")
	PlanDetails read(Actor actor, @PathVariable long id) {
		return new PlanDetails(plans.read(actor, id), plans.work(actor, id));
	}

	@PostMapping(path = "/api/v1/maintenance-plans/{id}/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record a meter reading 录入读数 (meter plans; work is raised when due)")
	PlanView reading(Actor actor, @PathVariable long id, @RequestBody Reading reading) {
		if (reading == null || reading.value() == null) {
			throw new InvalidInput("value", "is required");
		}
		return plans.recordReading(actor, id, reading.value());
	}

	@GetMapping("/api/v1/maintenance-plans/compliance")
	@Operation(summary = "Compliance per kind of equipment and interval 维保完成率 (month yyyy-MM, this month if left out)")
	Items<ComplianceLine> compliance(Actor actor, @RequestParam String projectCode,
			@RequestParam(required = false) String month) {
		YearMonth period;
		try {
			period = month == null || month.isBlank() ? null : YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("month", "yyyy-MM");
		}
		return new Items<>(plans.compliance(actor, projectCode, period));
	}

	record Items<T>(List<T> items) {
	}

	record PlanDetails(PlanView plan, List<PlanWork> work) {
	}

	record Reading(Long value) {
	}

}
