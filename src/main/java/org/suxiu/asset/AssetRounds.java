package org.suxiu.asset;

import java.time.Instant;
import java.util.List;

/**
 * A question an asset's page asks: the inspection module answers which round check-ins
 * looked at the asset (without an answerer, none).
 */
public interface AssetRounds {

	/** The latest check-ins at the asset's checkpoints, newest first. */
	List<RoundCheck> of(long assetId);

	/**
	 * A check of the asset on a round.
	 *
	 * @param roundId the round
	 * @param routeName its route
	 * @param checkpointName the checkpoint
	 * @param at when it was checked in
	 * @param passed whether every item passed
	 */
	record RoundCheck(long roundId, String routeName, String checkpointName, Instant at, boolean passed) {
	}

}
