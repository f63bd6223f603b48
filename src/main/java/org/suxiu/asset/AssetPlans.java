package org.suxiu.asset;

import java.time.LocalDate;
import java.util.List;

/**
 * A question an asset's page asks: the maintenance module answers which plans keep the
 * asset (without an answerer, none).
 */
public interface AssetPlans {

	List<PlanLine> of(long assetId);

	/**
	 * One plan of the asset.
	 *
	 * @param planId plan id
	 * @param name plan name
	 * @param every N of the interval, or {@code null} for meter plans
	 * @param unit DAYS, WEEKS, MONTHS or METER
	 * @param meterEvery meter run between works, or {@code null}
	 * @param nextDue next planned day, or {@code null}
	 */
	record PlanLine(long planId, String name, Integer every, String unit, Long meterEvery, LocalDate nextDue) {
	}

}
