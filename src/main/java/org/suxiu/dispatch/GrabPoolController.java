package org.suxiu.dispatch;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;

/**
 * Opening a project's grab pool, and the orders a technician may grab from it (claimed
 * with {@code POST /api/v1/work-orders/{number}/grab}).
 */
@RestController
@Tag(name = "Dispatch 派工")
class GrabPoolController {

	private static final List<Role> READERS = List.of(Role.DISPATCHER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);

	private static final List<Role> EDITORS = List.of(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);

	private final GrabPool pool;

	private final PropertyDirectory property;

	private final TechnicianDuty duty;

	GrabPoolController(GrabPool pool, PropertyDirectory property, TechnicianDuty duty) {
		this.pool = pool;
		this.property = property;
		this.duty = duty;
	}

	record PoolRequest(@NotNull Boolean enabled, Set<Grade> grades, Integer version) {
	}

	@GetMapping("/api/v1/projects/{code}/grab-pool")
	@Operation(summary = "A project's grab pool 抢单池设置 (DISPATCHER, SUPERVISOR, MANAGER, ADMIN)")
	GrabPool.Settings get(Actor actor, @PathVariable String code) {
		if (!READERS.contains(actor.role())) {
			throw new Forbidden("Grab pool settings are for dispatch staff and managers");
		}
		return pool.settings(project(actor, code).id());
	}

	@PutMapping("/api/v1/projects/{code}/grab-pool")
	@Transactional
	@Operation(summary = "Open or close a project's grab pool for L3/L4 (SUPERVISOR, MANAGER, ADMIN)")
	GrabPool.Settings put(Actor actor, @PathVariable String code,
			@jakarta.validation.Valid @RequestBody PoolRequest body) {
		if (!EDITORS.contains(actor.role())) {
			throw new Forbidden("Supervisors, managers and administrators open or close the grab pool");
		}
		Project project = project(actor, code);
		if (body.enabled() == null) {
			throw new InvalidInput("enabled", "is required");
		}
		Set<Grade> grades = body.grades() == null || body.grades().isEmpty() ? GrabPool.GRABBABLE
				: EnumSet.copyOf(body.grades());
		if (!GrabPool.GRABBABLE.containsAll(grades)) {
			throw new InvalidInput("grades",
					"only L3 and L4 may be grabbed; emergencies and urgent orders are dispatched");
		}
		return pool.update(project.tenantId(), project.id(), body.enabled(), grades, body.version(), actor);
	}

	@GetMapping("/api/v1/grab-pool")
	@Operation(summary = "Orders I may grab 可抢工单 (TECHNICIAN), oldest first")
	List<GrabOffer> offers(Actor actor) {
		if (!actor.is(Role.TECHNICIAN)) {
			throw new Forbidden("The grab pool is for technicians");
		}
		return duty.offers(actor);
	}

	private Project project(Actor actor, String code) {
		return property.project(code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
	}

}
