package org.suxiu.dispatch;

import java.time.Instant;

/**
 * Emergencies of a project outnumbered the technicians free to take them (紧急高峰); raised
 * at most once per project per interval, across instances.
 *
 * @param tenantId property company
 * @param projectId project
 * @param orderNumber the emergency being placed when the surge was seen
 * @param place where that emergency is, as people write it
 * @param openEmergencies L1 orders of the project nobody has reached yet
 * @param freeQualified technicians on a regular shift, skilled in the emergency's trade,
 * holding no L1 or L2 job
 * @param shortfall how many more technicians the emergencies need
 * @param at when it was seen
 */
public record EmergencySurge(long tenantId, long projectId, String orderNumber, String place, int openEmergencies,
		int freeQualified, int shortfall, Instant at) {
}
