package org.suxiu.inspection;

import java.util.List;

import org.suxiu.shared.Actor;

/**
 * The inspection module's one way in for the API and the pages. Routes and rounds are
 * planned by ADMIN, MANAGER and SUPERVISOR; a round is walked by its assignee only;
 * another company's route or round answers as unknown (404).
 */
public interface Inspections {

	/** The most photos one check-in takes. */
	int MAX_PHOTOS = 3;

	RouteView createRoute(Actor actor, NewRoute route);

	/**
	 * Edits a route in place: kept checkpoints keep their ids and labels, removed ones
	 * are retired (past rounds still show them).
	 */
	RouteView changeRoute(Actor actor, long routeId, RouteChange change);

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

	/**
	 * A check-in with photos (at most {@link #MAX_PHOTOS} JPEG or PNG photos of at most
	 * 10 MB each, checked by content and stored without their metadata), all or nothing.
	 */
	CheckedIn checkIn(Actor actor, long roundId, Checkin checkin, List<CheckinPhoto> photos);

	/**
	 * A check-in photo or its thumbnail, if the person may see the round (404 otherwise).
	 */
	org.suxiu.attachment.Attachments.Content photo(Actor actor, long roundId, java.util.UUID photoId,
			boolean thumbnail);

	/** A checkpoint (the target of its QR label). */
	RouteView.CheckpointView checkpoint(Actor actor, long checkpointId);

	/** The person's unfinished round that includes the checkpoint, if any. */
	java.util.Optional<Long> openRoundAt(Actor actor, long checkpointId);

}
