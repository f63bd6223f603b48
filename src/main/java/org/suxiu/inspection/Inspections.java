package org.suxiu.inspection;

import java.util.List;

import org.suxiu.shared.Actor;

/**
 * The inspection module's one way in for the API and the pages. Routes and rounds are
 * planned by ADMIN, MANAGER and SUPERVISOR; a round is walked by its assignee only;
 * another company's route or round answers as unknown (404).
 */
public interface Inspections {

	RouteView createRoute(Actor actor, NewRoute route);

	List<RouteView> routes(Actor actor, String projectCode);

	/** One route the person may see (404 otherwise). */
	RouteView route(Actor actor, long routeId);

	RoundView planRound(Actor actor, NewRound round);

	/**
	 * The rounds the person sees, latest first: their own for a technician, the project's
	 * for others.
	 */
	List<RoundView> rounds(Actor actor, String projectCode);

	RoundDetails round(Actor actor, long roundId);

	/**
	 * Records the results at a checkpoint; failed items and readings out of limits raise
	 * orders (graded by the triage rules from the item's words) in the same transaction.
	 */
	CheckedIn checkIn(Actor actor, long roundId, Checkin checkin);

	/** A checkpoint (the target of its QR label). */
	RouteView.CheckpointView checkpoint(Actor actor, long checkpointId);

	/** The person's unfinished round that includes the checkpoint, if any. */
	java.util.Optional<Long> openRoundAt(Actor actor, long checkpointId);

}
