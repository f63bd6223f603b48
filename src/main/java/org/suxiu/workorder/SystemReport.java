package org.suxiu.workorder;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * An order the system raises on its own: a device alarm (IOT), a maintenance plan's work
 * or a failed check on an inspection round (INSPECTION).
 *
 * @param channel IOT or INSPECTION
 * @param location where, always a common area or home of the project
 * @param category repair type
 * @param description what is wrong, in words a technician reads
 * @param grade the grade, or {@code null} to let the triage rules grade the description
 * @param appointment the planned window (L4 plan work), or {@code null}
 * @param assetId the equipment concerned, or {@code null}
 * @param source who raised it, as the history shows it: {@code device:dev-…},
 * {@code plan:12}, {@code round:7}
 */
public record SystemReport(Channel channel, Location location, Category category, String description, Grade grade,
		Appointment appointment, Long assetId, String source) {
}
