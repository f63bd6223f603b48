package org.suxiu.workorder;

/**
 * Whether a new order repeats an earlier repair at the same place: flagged by the system
 * ({@code PROBABLE}), then confirmed or dismissed by a person.
 */
public enum ReworkCheck {

	PROBABLE, CONFIRMED, DISMISSED

}
