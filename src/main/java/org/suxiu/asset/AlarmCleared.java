package org.suxiu.asset;

import java.time.Instant;

/**
 * A device reported an open alarm cleared.
 *
 * @param alarmId alarm id
 * @param deviceId the device's public id
 * @param assetId the equipment
 * @param type alarm type
 * @param orderNumber the order opened for it
 * @param repeats how many times it was reported while open
 * @param at when the clearing was received
 */
public record AlarmCleared(long alarmId, String deviceId, long assetId, String type, String orderNumber, int repeats,
		Instant at) {
}
