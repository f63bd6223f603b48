package org.suxiu.incident.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.workorder.WorkCompleted;

/** An incident ends when its lead order is completed (idempotent). */
@Component
class LeadCompletions {

	private final IncidentService incidents;

	LeadCompletions(IncidentService incidents) {
		this.incidents = incidents;
	}

	@ApplicationModuleListener
	void on(WorkCompleted event) {
		incidents.leadCompleted(event.number(), event.at());
	}

}
