package org.suxiu.inspection;

import java.time.OffsetDateTime;

/**
 * A round to walk, as sent to {@code POST /api/v1/inspection-rounds}.
 *
 * @param routeId the route
 * @param assignee who walks it: a technician's id or username
 * @param dueFrom when it may start
 * @param dueBy when it must be finished; later it is flagged to the supervisor
 */
public record NewRound(Long routeId, String assignee, OffsetDateTime dueFrom, OffsetDateTime dueBy) {
}
