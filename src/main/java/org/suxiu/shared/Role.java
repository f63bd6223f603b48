package org.suxiu.shared;

/**
 * What a signed-in person is allowed to do; staff roles are scoped to one tenant.
 */
public enum Role {

	OWNER, AGENT, DISPATCHER, SUPERVISOR, TECHNICIAN, MANAGER, ADMIN;

	public boolean isStaff() {
		return this != OWNER;
	}

}
