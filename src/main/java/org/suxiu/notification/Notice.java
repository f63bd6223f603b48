package org.suxiu.notification;

import org.suxiu.shared.Grade;

import java.util.Map;

/**
 * Something one person should be told, before it is written as messages.
 *
 * @param event what caused it, unique per occurrence (event type, order number and time),
 * so that the same event handled twice yields the same dedupe keys
 * @param kind the template
 * @param recipient who
 * @param params the template's values ({@link Templates.Label} for words to translate)
 * @param tenantId the property company, or {@code null}
 * @param orderNumber the order it is about, or {@code null}
 * @param urgent exempt from rate limits (L1/L2, technicians' jobs, alerts)
 * @param quietHours held back during quiet hours when sent by SMS (owners, L3/L4)
 * @param grade the order's grade, or {@code null} for a notice about no order
 */
record Notice(String event, Kind kind, Recipient recipient, Map<String, ?> params, Long tenantId, String orderNumber,
		boolean urgent, boolean quietHours, Grade grade) {

	Notice {
		Map<String, Object> copy = new java.util.LinkedHashMap<>();
		params.forEach((name, value) -> copy.put(name, value == null ? "" : value));
		params = java.util.Collections.unmodifiableMap(copy);
	}

	/** The priority of emergencies' messages: sent first, and by the emergency lane. */
	static final int EMERGENCY = 0;

	/** The priority of every other message. */
	static final int ROUTINE = 1;

	/**
	 * Emergencies first: messages about L1/L2 orders, and urgent ones about no order
	 * (sign-in locks, delivery alerts), go out before planned work's.
	 */
	int priority() {
		boolean emergency = grade == Grade.L1 || grade == Grade.L2;
		return emergency || (grade == null && urgent) ? EMERGENCY : ROUTINE;
	}

	String dedupeKey(Channel channel) {
		return event + "|" + kind + "|" + recipient.key() + "|" + channel;
	}

}
