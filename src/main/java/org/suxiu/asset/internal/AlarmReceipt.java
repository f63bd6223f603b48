package org.suxiu.asset.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the device is told: what became of its alarm.
 *
 * @param alarmId the alarm it counts on
 * @param outcome OPENED (a new order), REPEATED (counted on the open alarm), REOPENED (it
 * cleared a moment ago: the same alarm and order), CLEARED, or NOT_OPEN (a clearing for
 * nothing open) or DUPLICATE (a message id seen before: nothing changed)
 * @param number the order, if any
 * @param repeats how many times the alarm was reported while open
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AlarmReceipt(Long alarmId, String outcome, String number, Integer repeats) {
}
