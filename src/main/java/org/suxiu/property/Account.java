package org.suxiu.property;

import org.suxiu.shared.Actor;

/**
 * Sign-in credentials of a staff member or owner, for the identity module only.
 *
 * @param actor who signs in
 * @param passwordHash the stored hash, in Spring Security's {@code {id}hash} form
 * @param accessVersion raised whenever what the person may do changes; tokens carry it
 */
public record Account(Actor actor, String passwordHash, int accessVersion) {
}
