package org.suxiu.asset.internal;

import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;

/**
 * An alarm as a device sends it to {@code POST /api/v1/devices/{deviceId}/alarms}.
 *
 * @param type what it senses, e.g. {@code LIFT_ENTRAPMENT}, {@code WATER_LEAK},
 * {@code FIRE_ALARM} (upper-case letters, digits, underscores)
 * @param severity e.g. {@code CRITICAL}, {@code MAJOR}, {@code MINOR}
 * @param value the reading, if any (a number or a short text)
 * @param at when the device saw it; now when left out
 * @param state RAISED (the default) or CLEARED
 */
record AlarmMessage(String type, String severity, JsonNode value, OffsetDateTime at, String state) {
}
