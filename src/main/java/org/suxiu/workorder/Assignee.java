package org.suxiu.workorder;

/**
 * The technician responsible for an order.
 *
 * @param id staff id
 * @param name display name
 * @param phone contact number
 */
public record Assignee(long id, String name, String phone) {
}
