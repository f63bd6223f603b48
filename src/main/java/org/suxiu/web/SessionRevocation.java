package org.suxiu.web;

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

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionRevocation(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void on(StaffAccessChanged event) {
		sessions.findByPrincipalName(event.username()).keySet().forEach(sessions::deleteById);
	}

}
