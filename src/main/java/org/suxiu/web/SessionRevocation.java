package org.suxiu.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.suxiu.property.StaffAccessChanged;

/**
 * Ends a person's page sessions when what they may do changes: the sessions live in
 * PostgreSQL, indexed by username, so deleting them signs the person out on every
 * instance at their next request.
 */
@Component
class SessionRevocation {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	SessionRevocation(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void on(StaffAccessChanged event) {
		// none in a run without pages (the simulate command)
		sessions.ifAvailable(store -> store.findByPrincipalName(event.username()).keySet().forEach(store::deleteById));
	}

}
