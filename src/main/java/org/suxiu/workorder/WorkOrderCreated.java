package org.suxiu.workorder;

import java.time.Instant;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * An order was taken in (受理), from any channel.
 *
 * @param number order number
 * @param tenantId property company
 * @param projectId project
 * @param grade the grade given at intake
 * @param category repair type
 * @param channel how it came in
 * @param reportedAt when the fault was reported (deadlines count from here)
 * @param reworkOf the original order if this is a rework (返修), else {@code null}
 * @param appointmentFrom start of the agreed visit window, or {@code null}
 * @param appointmentTo end of the agreed visit window, or {@code null}
 * @param at when it was recorded
 */
public record WorkOrderCreated(String number, long tenantId, long projectId, Grade grade, Category category,
		Channel channel, Instant reportedAt, String reworkOf, Instant appointmentFrom, Instant appointmentTo,
		Instant at) implements WorkOrderEvent {
}
