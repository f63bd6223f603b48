package org.suxiu.shared;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in person behind a request, as carried by their token or page session (hence
 * serializable).
 *
 * @param id staff id, or owner id for {@link Role#OWNER}
 * @param username login name (the mobile number for owners)
 * @param name display name
 * @param role what they may do
 * @param tenantId the property company of staff; {@code null} for owners, whose homes may
 * lie with several companies
 * @param projectIds the projects a staff member serves; empty means every project of the
 * tenant
 */
public record Actor(long id, String username, String name, Role role, Long tenantId,
		Set<Long> projectIds) implements Serializable {

	public Actor {
		projectIds = projectIds == null ? Set.of() : Set.copyOf(projectIds);
	}

	public boolean is(Role candidate) {
		return role == candidate;
	}

	public boolean isStaff() {
		return role.isStaff();
	}

	/** Whether this staff member may see orders of the given project. */
	public boolean serves(long tenant, long projectId) {
		return isStaff() && tenantId != null && tenantId == tenant
				&& (projectIds.isEmpty() || projectIds.contains(projectId));
	}

}
