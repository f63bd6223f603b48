package org.suxiu.live;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.suxiu.shared.Actor;
import org.suxiu.shared.Role;

/**
 * Which feed rows one signed-in person sees: those addressed to them, and for the staff
 * who watch projects, those of the projects they serve in their own tenant.
 */
record Viewer(Actor actor) {

	/**
	 * Roles that follow everything happening in the projects they serve (an
	 * administrator's wall screen too).
	 */
	private static final Set<Role> WATCHERS = Set.of(Role.DISPATCHER, Role.SUPERVISOR, Role.AGENT, Role.MANAGER,
			Role.ADMIN);

	/** Roles that call reporters and technicians back, as in the order API. */
	boolean watchesProjects() {
		return WATCHERS.contains(actor.role()) && actor.tenantId() != null;
	}

	boolean seesFullPhones() {
		return actor.role().callsReporters();
	}

	/** The person's own key: their streams count against one limit. */
	String personKey() {
		return actor.is(Role.OWNER) ? Recipient.owner(actor.id()).key()
				: (actor.tenantId() == null ? "S:" + actor.id() : Recipient.staff(actor.tenantId(), actor.id()).key());
	}

	/**
	 * The notification keys that concern this person; {@code T:tenant} stands for every
	 * project of the tenant.
	 */
	Set<String> keys() {
		Set<String> keys = new LinkedHashSet<>();
		keys.add(personKey());
		if (watchesProjects()) {
			if (actor.projectIds().isEmpty()) {
				keys.add(tenantKey(actor.tenantId()));
			}
			else {
				actor.projectIds().forEach(project -> keys.add(Recipient.project(actor.tenantId(), project).key()));
			}
		}
		return keys;
	}

	static String tenantKey(long tenantId) {
		return "T:" + tenantId;
	}

	/** The SQL condition on {@code live_event} for this viewer; adds its parameters. */
	String where(List<Object> params) {
		if (actor.is(Role.OWNER)) {
			params.add(actor.id());
			return "recipient_kind = 'O' AND recipient_id = ?";
		}
		StringBuilder sql = new StringBuilder("(recipient_kind = 'S' AND recipient_id = ? AND tenant_id = ?)");
		params.add(actor.id());
		params.add(actor.tenantId());
		if (watchesProjects()) {
			sql.append(" OR (recipient_kind = 'P' AND tenant_id = ?");
			params.add(actor.tenantId());
			if (!actor.projectIds().isEmpty()) {
				sql.append(" AND recipient_id IN (");
				sql.append(String.join(", ", actor.projectIds().stream().map(p -> "?").toList())).append(')');
				params.addAll(actor.projectIds());
			}
			sql.append(')');
		}
		return sql.toString();
	}

}
