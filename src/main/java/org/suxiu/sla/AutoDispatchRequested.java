package org.suxiu.sla;

import java.time.Instant;

/**
 * An emergency (L1) is still undispatched after the project's limit: dispatch should act
 * without waiting for a person.
 *
 * @param number order number
 * @param tenantId property company
 * @param projectId project
 * @param at when it was flagged
 */
public record AutoDispatchRequested(String number, long tenantId, long projectId, Instant at) {
}
