package org.suxiu.asset;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.suxiu.shared.Grade;
import org.suxiu.workorder.Status;

/**
 * One asset's page: the register entry, its orders newest first, its downtime, its
 * devices and its latest alarms.
 *
 * @param asset the register entry
 * @param orders the orders that name it (the latest 200)
 * @param downtime30Days time stopped in the last 30 days: from each L1/L2 fault's report
 * to its completion (or now, while still open)
 * @param devices its devices, without keys
 * @param alarms its latest alarms, newest first
 * @param plans the maintenance plans that keep it
 * @param rounds the latest inspection rounds that checked it
 */
public record AssetDetails(AssetView asset, List<AssetOrder> orders, Duration downtime30Days, List<DeviceView> devices,
		List<AlarmView> alarms, List<AssetPlans.PlanLine> plans, List<AssetRounds.RoundCheck> rounds) {

	/** An order naming the asset. */
	public record AssetOrder(String number, Grade grade, Status status, Instant reportedAt, Instant completedAt) {
	}

	/** A device, without its key. */
	public record DeviceView(String deviceId, String name, Instant createdAt, Instant lastSeen) {
	}

	/**
	 * An alarm of one of its devices.
	 *
	 * @param state OPEN or CLEARED
	 * @param repeats how many times it was reported while open
	 * @param flaps how many times it came back soon after clearing
	 */
	public record AlarmView(long id, String deviceId, String type, String severity, String state, int repeats,
			int flaps, String orderNumber, Instant raisedAt, Instant lastAt, Instant clearedAt) {
	}

}
