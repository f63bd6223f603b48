package org.suxiu.workorder;

import java.time.Instant;

/**
 * One line of an order's append-only history: a state change or an edit.
 *
 * @param at when
 * @param action what happened, e.g. {@code dispatch}
 * @param actor username, or {@code system}
 * @param role the actor's role
 * @param from the value before (a status, or a grade for a regrade)
 * @param to the value after
 * @param note free text: a reason, a resolution, a comment
 * @param channel where the change came from
 * @param clock for SLA lines, the clock concerned (respond, arrive, complete)
 */
public record HistoryEntry(Instant at, String action, String actor, String role, String from, String to, String note,
		String channel, String clock) {
}
