package org.suxiu.sla;

/**
 * Whether a date is worked: a project may declare a holiday or a make-up working day
 * (调休).
 */
public enum DayType {

	HOLIDAY, WORKDAY

}
