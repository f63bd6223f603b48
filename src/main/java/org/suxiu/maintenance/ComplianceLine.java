package org.suxiu.maintenance;

import org.suxiu.asset.AssetType;

/**
 * How much planned work of one kind of equipment and interval was done on time in a month
 * ("lifts maintained every 15 days: 98 % this month").
 *
 * @param assetType kind of equipment
 * @param every N of the interval, or {@code null} for METER plans
 * @param unit interval
 * @param due works planned for a day of the month up to today
 * @param onTime of those, completed by the end of their planned day
 * @param percent on time in percent (100 when nothing was due)
 */
public record ComplianceLine(AssetType assetType, Integer every, Interval unit, int due, int onTime, int percent) {
}
