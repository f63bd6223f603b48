package org.suxiu.sla;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a grade's clocks run: around the clock, in working time, or against the owner's
 * appointment.
 */
public enum ClockMode {

	@JsonProperty("24H")
	ROUND_THE_CLOCK,

	@JsonProperty("WORKING")
	WORKING,

	@JsonProperty("APPOINTMENT")
	APPOINTMENT

}
