package org.suxiu.dispatch.dayplan;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.dispatch.DayPlanView;
import org.suxiu.dispatch.DayPlanning;
import org.suxiu.shared.Actor;

/**
 * The day planner 日计划: propose a plan for a project's NEW general and planned orders (L3,
 * L4), read it, apply it.
 */
@RestController
@RequestMapping("/api/v1/projects/{code}/day-plan")
@Tag(name = "Day plan 日计划")
class DayPlanController {

	private final DayPlanning planning;

	DayPlanController(DayPlanning planning) {
		this.planning = planning;
	}

	@PostMapping
	@Operation(summary = "Plan the day now 生成日计划 (DISPATCHER, SUPERVISOR)",
			description = "Plans the project's NEW L3/L4 orders across the technicians on a regular shift (skills, shift ends, "
					+ "appointment windows, open-jobs limits, promises, travel), after the work already in their hands, "
					+ "which stays where it is. Solving takes up to suxiu.dispatch.planner.time-limit (default 2 s). "
					+ "Stores and returns the proposal (201); nothing is dispatched until it is applied.")
	ResponseEntity<DayPlanView> propose(Actor actor, @PathVariable String code) {
		DayPlanView plan = planning.propose(actor, code);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/projects/" + plan.projectCode() + "/day-plan/" + plan.id()))
			.body(plan);
	}

	@GetMapping
	@Operation(summary = "The project's latest day plans, newest first (at most 20) 日计划列表 (DISPATCHER, SUPERVISOR)")
	List<DayPlanView> latest(Actor actor, @PathVariable String code) {
		return planning.latest(actor, code);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One day plan with its routes, what is unplanned and why, and after apply each outcome "
			+ "日计划详情 (DISPATCHER, SUPERVISOR)")
	DayPlanView one(Actor actor, @PathVariable String code, @PathVariable long id) {
		return planning.one(actor, code, id);
	}

	@PostMapping("/{id}/apply")
	@Operation(summary = "Dispatch the plan 应用日计划 (DISPATCHER, SUPERVISOR)",
			description = "Dispatches each proposed NEW order to its planned technician through the ordinary dispatch "
					+ "(history, events, open-jobs limit). Orders that changed since the plan (dispatched, cancelled, "
					+ "regraded, rescheduled) or that the dispatch refuses are skipped, with the reason in each stop's "
					+ "outcomeNote. A plan is applied once: applying it again answers 409 day-plan-applied and changes nothing.")
	DayPlanView apply(Actor actor, @PathVariable String code, @PathVariable long id) {
		return planning.apply(actor, code, id);
	}

}
