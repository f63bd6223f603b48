package org.suxiu.dispatch;

/**
 * A technician's availability; BUSY is derived from a job in progress.
 */
public enum TechnicianStatus {

	ON_DUTY, BUSY, OFF, LEAVE

}
