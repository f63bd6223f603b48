package org.suxiu.shared;

/**
 * What a signed-in person is allowed to do; staff roles are scoped to one tenant.
 */
public enum Role {

	OWNER, AGENT, DISPATCHER, SUPERVISOR, TECHNICIAN, MANAGER, ADMIN;

	public boolean isStaff() {
		return this != OWNER;
	}

	/**
	 * Whether the role calls people back and so sees reporters' full phone numbers
	 * (others see them masked).
	 */
	public boolean callsReporters() {
		return this == AGENT || this == DISPATCHER || this == SUPERVISOR;
	}

}
