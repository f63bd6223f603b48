package org.suxiu.maintenance.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.workorder.WorkCompleted;

/** Records when planned work was completed, for compliance (idempotent). */
@Component
class PlanCompletions {

	private final PlanStore store;

	PlanCompletions(PlanStore store) {
		this.store = store;
	}

	@ApplicationModuleListener
	void on(WorkCompleted event) {
		store.completed(event.number(), event.at());
	}

}
