package org.suxiu.inspection;

import java.time.Instant;

/**
 * A round was not finished by its time and was flagged to the supervisor (once).
 *
 * @param roundId round
 * @param projectId project
 * @param assigneeId who should have walked it
 * @param dueBy when it was due
 * @param at when it was flagged
 */
public record RoundMissed(long roundId, long projectId, long assigneeId, Instant dueBy, Instant at) {
}
