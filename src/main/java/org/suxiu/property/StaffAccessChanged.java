package org.suxiu.property;

/**
 * What a staff member may do changed (deactivated, another role, other projects, a new
 * password): the tokens and page sessions they hold end.
 *
 * @param staffId the staff member
 * @param tenantId their property company
 * @param username their sign-in name
 * @param accessVersion the version their new tokens carry
 */
public record StaffAccessChanged(long staffId, long tenantId, String username, int accessVersion) {
}
