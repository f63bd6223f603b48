package org.suxiu.complaint;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.aftercare.FollowUpOutcome;
import org.suxiu.aftercare.FollowUpRecorded;

/**
 * An owner unsatisfied on the follow-up call has a complaint, opened once the call
 * committed; handling the event again opens nothing more.
 */
@Component
class FollowUpComplaints {

	private final Complaints complaints;

	FollowUpComplaints(Complaints complaints) {
		this.complaints = complaints;
	}

	@ApplicationModuleListener
	void on(FollowUpRecorded call) {
		if (call.outcome() == FollowUpOutcome.UNSATISFIED) {
			complaints.openFromFollowUp(call.number(), call.reason(), call.by());
		}
	}

}
