package org.suxiu.charge.internal;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.WorkOrderNotFound;
import org.suxiu.workorder.WorkOrders;

/**
 * Who may touch which project's charges and which order's: a project another company
 * runs, or one the staff member does not serve, does not exist for them (404); a role
 * that may not act is refused (403).
 */
@Component
public class ChargeAccess {

	private final PropertyDirectory property;

	private final WorkOrders orders;

	ChargeAccess(PropertyDirectory property, WorkOrders orders) {
		this.property = property;
		this.orders = orders;
	}

	public Project project(Actor actor, String code, Role... roles) {
		Project project = property.project(code == null ? "" : code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
		requireRole(actor, roles);
		return project;
	}

	/** The order if the person may see it (404 otherwise). */
	public OrderFacts order(Actor actor, String number) {
		if (!orders.isVisibleTo(actor, number)) {
			throw new WorkOrderNotFound(number);
		}
		return orders.facts(number).orElseThrow(() -> new WorkOrderNotFound(number));
	}

	/** The order's assigned technician, or a supervisor of its project. */
	public OrderFacts onSite(Actor actor, String number) {
		OrderFacts order = order(actor, number);
		boolean assigned = actor.is(Role.TECHNICIAN) && order.assigneeId() != null && order.assigneeId() == actor.id();
		if (!assigned && !actor.is(Role.SUPERVISOR)) {
			throw new Forbidden("only the order's technician or a supervisor may do this");
		}
		return order;
	}

	public static void requireRole(Actor actor, Role... roles) {
		if (roles.length > 0 && !Set.of(roles).contains(actor.role())) {
			throw new Forbidden("this is for " + Set.of(roles));
		}
	}

}
