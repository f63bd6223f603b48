package org.suxiu.property;

import java.util.Set;

import org.suxiu.shared.Role;

/**
 * A property company's employee.
 *
 * @param id database id
 * @param tenantId the property company
 * @param username login name
 * @param name display name
 * @param phone contact number, may be {@code null}
 * @param role what they do
 * @param projectIds projects they serve; empty means all of the tenant's
 * @param active whether they may still sign in and be assigned work
 */
public record StaffMember(long id, long tenantId, String username, String name, String phone, Role role,
		Set<Long> projectIds, boolean active) {

	public boolean serves(long projectId) {
		return projectIds.isEmpty() || projectIds.contains(projectId);
	}

}
