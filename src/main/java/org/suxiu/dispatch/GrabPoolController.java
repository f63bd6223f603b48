package org.suxiu.dispatch;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;

/**
 * Opening a project's grab pool, and the orders a technician may grab from it (claimed
 * with {@code POST /api/v1/work-orders/{number}/grab}).
 */
@RestController
@Tag(name = "Dispatch 派工")
class GrabPoolController {

	private final GrabPools pools;

	private final TechnicianDuty duty;

	GrabPoolController(GrabPools pools, TechnicianDuty duty) {
		this.pools = pools;
		this.duty = duty;
	}

	record PoolRequest(@NotNull Boolean enabled, Set<Grade> grades, Set<Category> categories, Integer offerMinutes,
			Integer version) {
	}

	@GetMapping("/api/v1/projects/{code}/grab-pool")
	@Operation(summary = "A project's grab pool 抢单池设置 (DISPATCHER, SUPERVISOR, MANAGER, ADMIN)")
	GrabPoolSettings get(Actor actor, @PathVariable String code) {
		return pools.settings(actor, code);
	}

	@PutMapping("/api/v1/projects/{code}/grab-pool")
	@Operation(summary = "Open or close a project's grab pool for L3/L4 (SUPERVISOR, MANAGER, ADMIN)",
			description = "categories limits the pool to those repair types (empty or absent: all); offerMinutes "
					+ "takes an order out of the pool that many minutes after its report (absent: while it waits).")
	GrabPoolSettings put(Actor actor, @PathVariable String code,
			@jakarta.validation.Valid @RequestBody PoolRequest body) {
		if (body.enabled() == null) {
			throw new InvalidInput("enabled", "is required");
		}
		return pools.update(actor, code, new GrabPools.Change(body.enabled(), body.grades(), body.categories(),
				body.offerMinutes(), body.version()));
	}

	@GetMapping("/api/v1/grab-pool")
	@Operation(summary = "Orders I may grab 可抢工单 (TECHNICIAN), oldest first")
	List<GrabOffer> offers(Actor actor) {
		if (!actor.is(Role.TECHNICIAN)) {
			throw new Forbidden("The grab pool is for technicians");
		}
		return duty.offers(actor);
	}

}
