package org.suxiu.identity;

import java.time.Instant;

import org.suxiu.shared.Role;

/**
 * Too many wrong passwords locked an account: the person is told, since it may be
 * somebody else guessing.
 *
 * @param accountId staff or owner id
 * @param role the account's role ({@link Role#OWNER} for owners)
 * @param tenantId the staff member's property company; {@code null} for owners
 * @param username the sign-in name
 * @param failures wrong passwords counted
 * @param until when the lock ends by itself
 * @param at when it was locked
 */
public record SignInLocked(long accountId, Role role, Long tenantId, String username, int failures, Instant until,
		Instant at) {
}
