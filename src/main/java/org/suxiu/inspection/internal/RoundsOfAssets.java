package org.suxiu.inspection.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.asset.AssetRounds;

/** Answers an asset's page: the round check-ins at its checkpoints. */
@Component
class RoundsOfAssets implements AssetRounds {

	private final InspectionStore store;

	RoundsOfAssets(InspectionStore store) {
		this.store = store;
	}

	@Override
	@Transactional(readOnly = true)
	public List<RoundCheck> of(long assetId) {
		return store.checksOf(assetId);
	}

}
