package org.suxiu.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.WorkOrders;

/**
 * Opening a project's grab pool, and the orders a technician may grab from it (claimed
 * with {@code POST /api/v1/work-orders/{number}/grab}).
 */
@RestController
@Tag(name = "Dispatch 派工")
class GrabPoolController {

	private final GrabPool pool;

	private final GrabPools pools;

	private final Clock clock;

	private final PropertyDirectory property;

	private final TechnicianDirectory technicians;

	private final WorkOrders orders;

	private final SuxiuProperties settings;

	GrabPoolController(GrabPool pool, GrabPools pools, Clock clock, PropertyDirectory property,
			TechnicianDirectory technicians, WorkOrders orders, SuxiuProperties settings) {
		this.pools = pools;
		this.clock = clock;
		this.pool = pool;
		this.property = property;
		this.technicians = technicians;
		this.orders = orders;
		this.settings = settings;
	}

	record PoolRequest(@NotNull Boolean enabled, Set<Grade> grades, Set<Category> categories, Integer offerMinutes,
			Integer version) {
	}

	record Offer(String number, Grade grade, String category, String projectCode, String building, String area,
			OffsetDateTime reportedAt, OffsetDateTime arriveBy, Double distanceKm) {
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
	@Transactional(readOnly = true)
	@Operation(summary = "Orders I may grab 可抢工单 (TECHNICIAN), oldest first")
	List<Offer> offers(Actor actor) {
		if (!actor.is(Role.TECHNICIAN)) {
			throw new Forbidden("The grab pool is for technicians");
		}
		Technician me = technicians.technician(actor.tenantId(), String.valueOf(actor.id()))
			.orElseThrow(() -> new NotFound("Technician", actor.username()));
		List<Offer> offers = new ArrayList<>();
		if (!me.isAvailable()) {
			return offers;
		}
		for (Project project : property.projectsOf(actor.tenantId())) {
			GrabPoolSettings open = pool.settings(project.id());
			if (!open.enabled() || !me.serves(project.id())) {
				continue;
			}
			Map<List<String>, Optional<GeoPoint>> places = new HashMap<>();
			for (OrderFacts order : orders.waiting(project.id())) {
				if (open.offers(order.grade(), order.category(), order.reportedAt(), clock.instant())
						&& me.level(order.category()) > 0) {
					GeoPoint site = places
						.computeIfAbsent(Arrays.asList(order.building(), order.area()),
								key -> property.position(project.id(), order.building(), order.area()))
						.orElse(null);
					offers.add(offer(project, order, site, me.position()));
				}
			}
		}
		return offers;
	}

	private Offer offer(Project project, OrderFacts order, GeoPoint site, GeoPoint me) {
		Double distance = me == null || site == null ? null : Math.round(me.kilometresTo(site) * 100) / 100.0;
		return new Offer(order.number(), order.grade(), order.category().name(), project.code(), order.building(),
				order.area(), at(order.reportedAt()), at(order.arriveBy()), distance);
	}

	private OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atZone(settings.zone()).toOffsetDateTime();
	}

	private Project project(Actor actor, String code) {
		return property.project(code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
	}

}
