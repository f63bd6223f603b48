package org.suxiu.sla;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The three promises on an order: respond (until TAKEN), arrive (until ARRIVED), complete
 * (until COMPLETED).
 */
public enum ClockName {

	RESPOND, ARRIVE, COMPLETE;

	@JsonValue
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static ClockName of(String key) {
		return valueOf(key.toUpperCase(java.util.Locale.ROOT));
	}

}
