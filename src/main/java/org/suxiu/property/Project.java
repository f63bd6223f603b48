package org.suxiu.property;

/**
 * A residential project (小区) run by one property company.
 *
 * @param id database id
 * @param tenantId the property company
 * @param code short public code, e.g. {@code DEMO}
 * @param name display name, e.g. 示范花园
 */
public record Project(long id, long tenantId, String code, String name) {
}
