package org.suxiu.incident;

import java.time.Instant;
import java.util.List;

/**
 * Orders were linked into an incident.
 *
 * @param incidentId incident
 * @param tenantId property company
 * @param projectId project
 * @param leadNumber the lead order
 * @param numbers the orders linked now
 * @param at when
 */
public record IncidentLinked(long incidentId, long tenantId, long projectId, String leadNumber, List<String> numbers,
		Instant at) {
}
