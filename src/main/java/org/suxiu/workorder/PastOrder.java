package org.suxiu.workorder;

import java.time.Instant;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * An order as it happened, for replaying a past period in the simulator.
 *
 * @param number order number
 * @param grade grade
 * @param category repair type
 * @param building building of the site
 * @param area common area, or {@code null} for a home
 * @param reportedAt when the fault was reported
 * @param appointmentFrom start of the agreed window, or {@code null}
 * @param appointmentTo end of the agreed window, or {@code null}
 * @param arrivedAt when the technician first arrived, or {@code null}
 * @param startedAt when work first started, or {@code null}
 * @param completedAt when work was last completed, or {@code null}
 * @param status status now
 * @param takenAt when a technician first took it, or {@code null}
 * @param rescuedAt when the people trapped were freed (lift emergencies), or {@code null}
 */
public record PastOrder(String number, Grade grade, Category category, String building, String area, Instant reportedAt,
		Instant appointmentFrom, Instant appointmentTo, Instant arrivedAt, Instant startedAt, Instant completedAt,
		Status status, Instant takenAt, Instant rescuedAt) {
}
