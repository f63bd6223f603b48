package org.suxiu.incident;

import java.time.Instant;
import java.util.List;

/**
 * An incident.
 *
 * @param id incident id
 * @param projectId project
 * @param leadNumber the order one technician works
 * @param title what happened, e.g. 3号楼停水
 * @param linked the other orders linked to it (closed into the lead)
 * @param createdBy who linked them
 * @param createdAt when
 * @param closedAt when the lead order was completed, or {@code null}
 */
public record IncidentView(long id, long projectId, String leadNumber, String title, List<String> linked,
		String createdBy, Instant createdAt, Instant closedAt) {
}
