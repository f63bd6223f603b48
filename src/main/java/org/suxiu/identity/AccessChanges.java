package org.suxiu.identity;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.suxiu.property.StaffAccessChanged;

/** Tells the token check of this instance that an account's access changed. */
@Component
class AccessChanges {

	private final AccessCheck access;

	AccessChanges(AccessCheck access) {
		this.access = access;
	}

	@EventListener
	void on(StaffAccessChanged event) {
		access.forget(event.staffId());
	}

}
