package org.suxiu.notification;

import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.incident.BuildingNoticeIssued;
import org.suxiu.property.OwnerContact;
import org.suxiu.property.PropertyDirectory;

/**
 * Sends a building notice (停水通知) to every owner of the building by their preferred
 * channel, once each (the dedupe key names the notice and the owner).
 */
@Component
class BuildingNotices {

	private final PropertyDirectory directory;

	private final Recipients recipients;

	private final Outbox outbox;

	BuildingNotices(PropertyDirectory directory, Recipients recipients, Outbox outbox) {
		this.directory = directory;
		this.recipients = recipients;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(BuildingNoticeIssued event) {
		for (OwnerContact owner : directory.ownersInBuilding(event.projectId(), event.building())) {
			outbox.record(new Notice("BuildingNotice:" + event.noticeId(), Kind.BUILDING_NOTICE,
					recipients.ownerOf(owner.id(), owner.phone(), owner.name()),
					Map.of("text", event.text(), "building", event.building()), event.tenantId(), null, false, true,
					null));
		}
	}

}
