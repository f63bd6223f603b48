package org.suxiu.notification;

import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.dispatch.EmergencySurge;
import org.suxiu.shared.Role;

/**
 * Tells the project's supervisors when emergencies outnumber the technicians free to take
 * them, with the shortfall: a notice about the project, not about the order that showed
 * the surge (urgent, so it goes out at night and first). Like {@link ChargeNotices}, the
 * handler runs after the change committed and its dedupe keys make a second run write
 * nothing.
 */
@Component
class DispatchNotices {

	private final Recipients recipients;

	private final Outbox outbox;

	DispatchNotices(Recipients recipients, Outbox outbox) {
		this.recipients = recipients;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(EmergencySurge event) {
		String key = "EmergencySurge:" + event.projectId() + ":" + event.at();
		for (Recipient supervisor : recipients.staffOf(event.tenantId(), event.projectId(), Role.SUPERVISOR)) {
			outbox.record(new Notice(key, Kind.SUPERVISOR_SURGE, supervisor,
					Map.of("open", event.openEmergencies(), "free", event.freeQualified(), "shortfall",
							event.shortfall(), "place", event.place() == null ? "" : event.place()),
					event.tenantId(), null, true, false, null));
		}
	}

}
