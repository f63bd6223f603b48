package org.suxiu.live;

import java.util.LinkedHashMap;
import java.util.Map;

import org.suxiu.workorder.PersonRescued;
import org.suxiu.workorder.TechnicianArrived;
import org.suxiu.workorder.WorkAccepted;
import org.suxiu.workorder.WorkCompleted;
import org.suxiu.workorder.WorkOrderCancelled;
import org.suxiu.workorder.WorkOrderClosed;
import org.suxiu.workorder.WorkOrderCreated;
import org.suxiu.workorder.WorkOrderDeclined;
import org.suxiu.workorder.WorkOrderDispatched;
import org.suxiu.workorder.WorkOrderEvent;
import org.suxiu.workorder.WorkOrderHeld;
import org.suxiu.workorder.WorkOrderHurried;
import org.suxiu.workorder.WorkOrderRegraded;
import org.suxiu.workorder.WorkOrderReopened;
import org.suxiu.workorder.WorkOrderRescheduled;
import org.suxiu.workorder.WorkOrderResumed;
import org.suxiu.workorder.WorkOrderTaken;
import org.suxiu.workorder.WorkStarted;

/**
 * What a work-order event means on the live feed: its type, whether the reporting owner
 * and the technician hear of it (the project's staff always do), and its own fields.
 *
 * @param type the event's {@code type}
 * @param toOwner whether the reporting owner receives it
 * @param toTechnician whether the technician receives it
 * @param technicianId the technician concerned when the order no longer names them (a
 * decline), else {@code null}
 * @param fields members particular to the event
 */
record OrderNews(String type, boolean toOwner, boolean toTechnician, Long technicianId, Map<String, Object> fields) {

	/** The news of an event, or {@code null} for one the feed does not show. */
	static OrderNews of(WorkOrderEvent event) {
		if (event instanceof WorkOrderCreated created) {
			return news("created", true, false).with("channel", created.channel()).with("reworkOf", created.reworkOf());
		}
		if (event instanceof WorkOrderDispatched) {
			return news("dispatched", true, true);
		}
		if (event instanceof WorkOrderDeclined declined) {
			return new OrderNews("declined", false, true, declined.technicianId(), new LinkedHashMap<>()).with("reason",
					declined.reason());
		}
		if (event instanceof WorkOrderTaken) {
			return news("taken", true, true);
		}
		if (event instanceof TechnicianArrived) {
			return news("arrived", true, true);
		}
		if (event instanceof PersonRescued) {
			return news("rescued", true, true);
		}
		if (event instanceof WorkStarted) {
			return news("started", true, true);
		}
		if (event instanceof WorkOrderHeld held) {
			return news("held", true, true).with("reason", held.reason());
		}
		if (event instanceof WorkOrderResumed) {
			return news("resumed", true, true);
		}
		if (event instanceof WorkOrderHurried hurried) {
			return news("hurried", true, true).with("nth", hurried.nth()).with("escalated", hurried.escalates());
		}
		if (event instanceof WorkCompleted) {
			return news("completed", true, true);
		}
		if (event instanceof WorkAccepted accepted) {
			return news("accepted", true, true).with("rating", accepted.rating());
		}
		if (event instanceof WorkOrderReopened reopened) {
			return news("reopened", true, true).with("reworkNumber", reopened.reworkNumber());
		}
		if (event instanceof WorkOrderClosed closed) {
			return news("closed", true, false).with("satisfied", closed.satisfied());
		}
		if (event instanceof WorkOrderCancelled cancelled) {
			return news("cancelled", true, true).with("reason", cancelled.reason());
		}
		if (event instanceof WorkOrderRegraded regraded) {
			return news("regraded", false, true).with("from", regraded.from()).with("reason", regraded.reason());
		}
		if (event instanceof WorkOrderRescheduled) {
			return news("rescheduled", true, true);
		}
		return null;
	}

	private static OrderNews news(String type, boolean toOwner, boolean toTechnician) {
		return new OrderNews(type, toOwner, toTechnician, null, new LinkedHashMap<>());
	}

	private OrderNews with(String name, Object value) {
		if (value != null) {
			fields.put(name, value instanceof Enum<?> constant ? constant.name() : value);
		}
		return this;
	}

}
