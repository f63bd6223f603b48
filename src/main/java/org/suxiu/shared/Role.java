package org.suxiu.shared;

/**
 * What a signed-in person is allowed to do; staff roles are scoped to one tenant. The
 * platform OPERATOR hosts many property companies and belongs to none: they create, list
 * and suspend companies, and see nothing inside one.
 */
public enum Role {

	OWNER, AGENT, DISPATCHER, SUPERVISOR, TECHNICIAN, MANAGER, ADMIN, OPERATOR;

	public boolean isStaff() {
		return this != OWNER && this != OPERATOR;
	}

	/**
	 * Whether the role calls people back and so sees reporters' full phone numbers
	 * (others see them masked).
	 */
	public boolean callsReporters() {
		return this == AGENT || this == DISPATCHER || this == SUPERVISOR;
	}

}
