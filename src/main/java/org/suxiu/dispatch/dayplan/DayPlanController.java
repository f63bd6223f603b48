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
import org.suxiu.dispatch.dayplan.DayPlanStore.Plan;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;

/**
 * The day planner 日计划: propose a plan for a project's NEW general and planned orders (L3,
 * L4), read it, apply it.
 */
@RestController
@RequestMapping("/api/v1/projects/{code}/day-plan")
@Tag(name = "Day plan 日计划")
class DayPlanController {

	private final DayPlans plans;

	private final DayPlanStore store;

	private final DayPlanApplier applier;

	private final PropertyDirectory property;

	private final SuxiuProperties properties;

	DayPlanController(DayPlans plans, DayPlanStore store, DayPlanApplier applier, PropertyDirectory property,
			SuxiuProperties properties) {
		this.plans = plans;
		this.store = store;
		this.applier = applier;
		this.property = property;
		this.properties = properties;
	}

	@PostMapping
	@Operation(summary = "Plan the day now 生成日计划 (DISPATCHER, SUPERVISOR)",
			description = "Plans the project's NEW L3/L4 orders across the technicians on a regular shift (skills, shift ends, "
					+ "appointment windows, open-jobs limits, promises, travel), after the work already in their hands, "
					+ "which stays where it is. Solving takes up to suxiu.dispatch.planner.time-limit (default 2 s). "
					+ "Stores and returns the proposal (201); nothing is dispatched until it is applied.")
	ResponseEntity<DayPlanView> propose(Actor actor, @PathVariable String code) {
		Project project = project(actor, code);
		long id = plans.propose(project, actor.username(), false);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/projects/" + project.code() + "/day-plan/" + id))
			.body(view(store.find(id).orElseThrow(), project));
	}

	@GetMapping
	@Operation(summary = "The project's latest day plans, newest first (at most 20) 日计划列表 (DISPATCHER, SUPERVISOR)")
	List<DayPlanView> latest(Actor actor, @PathVariable String code) {
		Project project = project(actor, code);
		return store.latest(project.id(), 20).stream().map(p -> view(p, project)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One day plan with its routes, what is unplanned and why, and after apply each outcome "
			+ "日计划详情 (DISPATCHER, SUPERVISOR)")
	DayPlanView one(Actor actor, @PathVariable String code, @PathVariable long id) {
		Project project = project(actor, code);
		return view(plan(project, id), project);
	}

	@PostMapping("/{id}/apply")
	@Operation(summary = "Dispatch the plan 应用日计划 (DISPATCHER, SUPERVISOR)",
			description = "Dispatches each proposed NEW order to its planned technician through the ordinary dispatch "
					+ "(history, events, open-jobs limit). Orders that changed since the plan (dispatched, cancelled, "
					+ "regraded, rescheduled) or that the dispatch refuses are skipped, with the reason in each stop's "
					+ "outcomeNote. A plan is applied once: applying it again answers 409 day-plan-applied and changes nothing.")
	DayPlanView apply(Actor actor, @PathVariable String code, @PathVariable long id) {
		Project project = project(actor, code);
		applier.apply(actor, plan(project, id));
		return view(plan(project, id), project);
	}

	/** The project if the caller may plan it: 404 outside their projects, then 403. */
	private Project project(Actor actor, String code) {
		Project project = property.project(code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
		if (!actor.is(Role.DISPATCHER) && !actor.is(Role.SUPERVISOR)) {
			throw new Forbidden("Day plans are for dispatchers and supervisors");
		}
		return project;
	}

	private Plan plan(Project project, long id) {
		return store.find(id)
			.filter(p -> p.projectId() == project.id())
			.orElseThrow(() -> new NotFound("Day plan", String.valueOf(id)));
	}

	private DayPlanView view(Plan plan, Project project) {
		return DayPlanView.of(plan, project.code(), properties.zone());
	}

}
