package org.suxiu.workorder.internal;

import java.util.List;

import org.suxiu.shared.Actor;
import org.suxiu.shared.Grade;
import org.suxiu.shared.Role;
import org.suxiu.workorder.Status;

/**
 * What a list query may return: the caller's visibility (owners their own reports,
 * technicians their own jobs, other staff their tenant's projects) narrowed by the
 * query's filters.
 *
 * @param actor who asks
 * @param statuses only these statuses; empty for all
 * @param grade only this grade, or {@code null}
 * @param projectId only this project, or {@code null}
 * @param assigneeId only this technician's jobs, or {@code null}
 */
record WorkOrderFilter(Actor actor, List<Status> statuses, Grade grade, Long projectId, Long assigneeId) {

	void appendTo(StringBuilder where, List<Object> params) {
		appendVisibilityTo(where, params);
		if (!statuses.isEmpty()) {
			where.append(" AND status = ANY(?)");
			params.add(statuses.stream().map(Enum::name).toArray(String[]::new));
		}
		appendNarrowingTo(where, params);
	}

	/**
	 * The conditions but the status: a page of several statuses is read one status at a
	 * time (see {@code WorkOrderRepository.page}).
	 */
	void appendAllButStatusTo(StringBuilder where, List<Object> params) {
		appendVisibilityTo(where, params);
		appendNarrowingTo(where, params);
	}

	/** Whether only some projects' orders are asked for. */
	boolean mentionsProject() {
		return projectId != null || (!actor.is(Role.OWNER) && !actor.projectIds().isEmpty());
	}

	private void appendVisibilityTo(StringBuilder where, List<Object> params) {
		if (actor.is(Role.OWNER)) {
			where.append(" AND reporter_owner_id = ?");
			params.add(actor.id());
		}
		else {
			where.append(" AND tenant_id = ?");
			params.add(actor.tenantId());
			if (actor.is(Role.TECHNICIAN)) {
				where.append(" AND assignee_id = ?");
				params.add(actor.id());
			}
			if (!actor.projectIds().isEmpty()) {
				where.append(" AND project_id = ANY(?)");
				params.add(actor.projectIds().toArray(Long[]::new));
			}
		}
	}

	private void appendNarrowingTo(StringBuilder where, List<Object> params) {
		if (grade != null) {
			where.append(" AND grade = ?");
			params.add(grade.name());
		}
		if (projectId != null) {
			where.append(" AND project_id = ?");
			params.add(projectId);
		}
		if (assigneeId != null) {
			where.append(" AND assignee_id = ?");
			params.add(assigneeId);
		}
	}

}
