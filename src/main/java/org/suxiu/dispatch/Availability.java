package org.suxiu.dispatch;

/**
 * What a technician can do right now, from their duty switch, their jobs and the roster
 * (排班): on a regular shift (在岗), on site (现场作业), on call for emergencies (值班), resting
 * outside their shifts or switched off (休息), or on leave (请假).
 */
public enum Availability {

	ON_SHIFT, BUSY, ON_CALL, RESTING, LEAVE

}
