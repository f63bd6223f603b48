package org.suxiu.property;

/**
 * An owner as the call centre finds them.
 *
 * @param id owner id
 * @param name display name
 * @param phone mobile number
 */
public record OwnerContact(long id, String name, String phone) {
}
