package org.suxiu.shared;

/**
 * Repair type (维修类别) of a request; technicians' skills are expressed in the same terms.
 */
public enum Category {

	ELEVATOR, PLUMBING, ELECTRICAL, GAS, FIRE, DOOR_WINDOW, WALL_CEILING, APPLIANCE, PUBLIC_FACILITY, OTHER

}
