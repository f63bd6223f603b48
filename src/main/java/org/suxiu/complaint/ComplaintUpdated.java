package org.suxiu.complaint;

import java.time.Instant;

/**
 * A complaint moved on: assigned to another supervisor, answered, resolved, or its
 * resolution refused by the owner (back to the supervisor). Carries no phone number.
 *
 * @param complaintId the complaint
 * @param tenantId property company
 * @param projectId project
 * @param number the order it is about, or {@code null}
 * @param step {@code assign}, {@code respond}, {@code resolve} or {@code reject}
 * @param status the status after the step
 * @param supervisorId the supervisor now in charge, or {@code null}
 * @param by who took the step
 * @param at when
 */
public record ComplaintUpdated(long complaintId, long tenantId, long projectId, String number, String step,
		ComplaintStatus status, Long supervisorId, String by, Instant at) {
}
