package org.suxiu.asset;

import java.time.Instant;

/**
 * A device raised a new alarm and an order was opened for it (repeats of an open alarm
 * raise no further event).
 *
 * @param alarmId alarm id
 * @param deviceId the device's public id
 * @param assetId the equipment
 * @param tenantId property company
 * @param projectId project
 * @param type alarm type, e.g. {@code LIFT_ENTRAPMENT}
 * @param severity as the device sent it
 * @param orderNumber the order opened
 * @param at when the alarm was received
 */
public record AlarmRaised(long alarmId, String deviceId, long assetId, long tenantId, long projectId, String type,
		String severity, String orderNumber, Instant at) {
}
