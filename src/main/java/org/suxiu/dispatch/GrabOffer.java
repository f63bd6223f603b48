package org.suxiu.dispatch;

import java.time.OffsetDateTime;

import org.suxiu.shared.Grade;

/**
 * An order waiting in a grab pool that a technician may claim (可抢工单).
 *
 * @param number order number
 * @param grade grade (L3 or L4)
 * @param category repair type
 * @param projectCode project
 * @param building building of the site
 * @param area common area, or {@code null} for a home
 * @param reportedAt when it was reported
 * @param arriveBy the promised arrival, or {@code null}
 * @param distanceKm straight-line distance from the technician, or {@code null} if
 * unknown
 */
public record GrabOffer(String number, Grade grade, String category, String projectCode, String building, String area,
		OffsetDateTime reportedAt, OffsetDateTime arriveBy, Double distanceKm) {
}
