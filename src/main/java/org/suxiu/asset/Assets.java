package org.suxiu.asset;

import java.util.List;
import java.util.Optional;

import org.suxiu.shared.Actor;

/**
 * The asset module's one way in, for the API, the pages and other modules: the register,
 * its CSV, one asset's page, and device keys. Staff see the projects they serve; another
 * company's asset answers as unknown (404).
 */
public interface Assets {

	/** Registers equipment (ADMIN, MANAGER, SUPERVISOR). */
	AssetView register(Actor actor, NewAsset asset);

	/**
	 * The project's register, by type and name; {@code type} {@code null} for every kind.
	 */
	List<AssetView> list(Actor actor, String projectCode, AssetType type);

	/** One asset with its orders, downtime, devices and alarms. */
	AssetDetails details(Actor actor, long assetId);

	/**
	 * Changes the status (ADMIN, MANAGER, SUPERVISOR); a stale version is refused (409).
	 */
	AssetView changeStatus(Actor actor, long assetId, AssetStatus status, Integer version);

	/** The project's register as CSV (UTF-8, header {@value AssetCsvFormat#HEADER}). */
	String csv(Actor actor, String projectCode);

	/**
	 * Adds or updates (by name) every row of the CSV, or none: each bad row is named.
	 * @return how many rows were added and updated
	 */
	ImportResult importCsv(Actor actor, String projectCode, String csv);

	/**
	 * Registers a device on the asset and issues its key, shown this once (ADMIN,
	 * MANAGER).
	 */
	IssuedDevice registerDevice(Actor actor, long assetId, String name);

	/** The asset by id, for other modules acting for the system; empty if unknown. */
	Optional<AssetView> find(long assetId);

	/**
	 * An asset the person may see (their company, a project they serve).
	 * @throws org.suxiu.shared.NotFound otherwise
	 */
	AssetView visible(Actor actor, long assetId);

	/**
	 * The outcome of a CSV import.
	 *
	 * @param added new assets
	 * @param updated assets of the same name changed
	 */
	record ImportResult(int added, int updated) {
	}

}
