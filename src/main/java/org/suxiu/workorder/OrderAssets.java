package org.suxiu.workorder;

/**
 * A question intake asks when an order names equipment: the asset module answers whether
 * the asset stands in the order's project. Without an answerer no order may name one.
 */
public interface OrderAssets {

	/** Whether asset {@code assetId} exists and stands in project {@code projectId}. */
	boolean standsIn(long assetId, long projectId);

}
