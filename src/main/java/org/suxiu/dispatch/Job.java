package org.suxiu.dispatch;

import java.time.Instant;

import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;

/**
 * An open job in a technician's hands.
 *
 * @param number order number
 * @param technicianId who holds it
 * @param grade its grade
 * @param category repair type
 * @param status DISPATCHED, TAKEN, ARRIVED, IN_PROGRESS or ON_HOLD
 * @param site where it is, if known
 * @param dispatchedAt when it was sent
 * @param startedAt when the technician arrived, if they have
 * @param arriveBy its promised arrival, if any
 */
public record Job(String number, long technicianId, Grade grade, Category category, String status, GeoPoint site,
		Instant dispatchedAt, Instant startedAt, Instant arriveBy) {

	/** On site or working: the technician is there now. */
	public boolean isOnSite() {
		return status.equals("ARRIVED") || status.equals("IN_PROGRESS");
	}

	/** Dispatched or taken: the technician has yet to get there. */
	public boolean isWaiting() {
		return status.equals("DISPATCHED") || status.equals("TAKEN");
	}

}
