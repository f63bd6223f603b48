package org.suxiu.complaint;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The complaint clocks: answered within {@code respondWithin} (default 24 hours, around
 * the clock), resolved within {@code resolveWorkingDays} working days of the project's
 * calendar (default 3); and how often the timers are looked at.
 */
@ConfigurationProperties("suxiu.complaint")
record ComplaintSettings(Duration respondWithin, Integer resolveWorkingDays, Boolean pollerEnabled) {

	ComplaintSettings {
		respondWithin = respondWithin == null ? Duration.ofHours(24) : respondWithin;
		resolveWorkingDays = resolveWorkingDays == null ? 3 : resolveWorkingDays;
		pollerEnabled = pollerEnabled == null || pollerEnabled;
	}

}
