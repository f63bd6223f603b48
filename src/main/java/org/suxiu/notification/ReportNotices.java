package org.suxiu.notification;

import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.analytics.MonthlyReportReady;
import org.suxiu.shared.Role;

/**
 * Tells a project's managers that its monthly report (月报) is ready, by the channel each
 * chose (e-mail for those who gave an address and prefer it); the dedupe key makes a
 * second run write nothing.
 */
@Component
class ReportNotices {

	private final Recipients recipients;

	private final Outbox outbox;

	ReportNotices(Recipients recipients, Outbox outbox) {
		this.recipients = recipients;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(MonthlyReportReady event) {
		String key = "MonthlyReportReady:" + event.projectId() + ":" + event.month();
		for (Recipient manager : recipients.staffOf(event.tenantId(), event.projectId(), Role.MANAGER)) {
			outbox.record(new Notice(key, Kind.MANAGER_MONTHLY_REPORT, manager,
					Map.of("project", event.projectName(), "month",
							event.month().getYear() + "年" + event.month().getMonthValue() + "月", "link", event.path()),
					event.tenantId(), null, false, false, null));
		}
	}

}
