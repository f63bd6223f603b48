package org.suxiu.inspection;

import java.time.Instant;

/**
 * A round as the API and the pages read it.
 *
 * @param id round id
 * @param routeId route
 * @param routeName its name
 * @param projectId project
 * @param assigneeId who walks it
 * @param assigneeName their name
 * @param dueFrom when it may start
 * @param dueBy when it must be finished
 * @param startedAt first check-in, or {@code null}
 * @param finishedAt last checkpoint checked in, or {@code null}
 * @param flaggedAt when it was flagged to the supervisor as missed, or {@code null}
 * @param checkedIn checkpoints checked in
 * @param checkpoints checkpoints of the route
 * @param state PLANNED, IN_PROGRESS, DONE, LATE (finished after its time) or MISSED (not
 * finished in time)
 */
public record RoundView(long id, long routeId, String routeName, long projectId, long assigneeId, String assigneeName,
		Instant dueFrom, Instant dueBy, Instant startedAt, Instant finishedAt, Instant flaggedAt, int checkedIn,
		int checkpoints, RoundState state) {
}
