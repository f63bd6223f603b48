package org.suxiu.dispatch;

import java.util.List;

import org.springframework.stereotype.Service;
import org.suxiu.dispatch.dayplan.DayPlanApplier;
import org.suxiu.dispatch.dayplan.DayPlanStore;
import org.suxiu.dispatch.dayplan.DayPlanStore.Plan;
import org.suxiu.dispatch.dayplan.DayPlans;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;

/**
 * The day planner's one way in, for the API and the supervisor's page: propose a plan for
 * a project, read the latest ones, apply one; each call checks that the person plans that
 * project (404 outside their projects, then 403 for other roles).
 */
@Service
public class DayPlanning {

	private final DayPlans plans;

	private final DayPlanStore store;

	private final DayPlanApplier applier;

	private final PropertyDirectory property;

	private final SuxiuProperties properties;

	DayPlanning(DayPlans plans, DayPlanStore store, DayPlanApplier applier, PropertyDirectory property,
			SuxiuProperties properties) {
		this.plans = plans;
		this.store = store;
		this.applier = applier;
		this.property = property;
		this.properties = properties;
	}

	/** Plans the project's NEW L3/L4 orders now and stores the proposal. */
	public DayPlanView propose(Actor actor, String code) {
		Project project = project(actor, code);
		long id = plans.propose(project, actor.username(), false);
		return view(store.find(id).orElseThrow(), project);
	}

	/** The project's latest plans, newest first. */
	public List<DayPlanView> latest(Actor actor, String code) {
		Project project = project(actor, code);
		return store.latest(project.id(), 20).stream().map(p -> view(p, project)).toList();
	}

	public DayPlanView one(Actor actor, String code, long id) {
		Project project = project(actor, code);
		return view(plan(project, id), project);
	}

	/**
	 * Dispatches the plan's proposed orders; a plan already applied answers 409
	 * {@code day-plan-applied}.
	 */
	public DayPlanView apply(Actor actor, String code, long id) {
		Project project = project(actor, code);
		applier.apply(actor, plan(project, id));
		return view(plan(project, id), project);
	}

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
