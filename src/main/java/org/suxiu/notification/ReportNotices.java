package org.suxiu.notification;

import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.analytics.MonthlyReportReady;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;

/**
 * Tells a project's managers that its monthly report (月报) is ready, by the channel each
 * chose (e-mail for those who gave an address and prefer it); the dedupe key makes a
 * second run write nothing.
 */
@Component
class ReportNotices {

	private final Recipients recipients;

	private final Outbox outbox;

	/** The site's address, so the link in the e-mail opens in the manager's browser. */
	private final String site;

	ReportNotices(Recipients recipients, Outbox outbox, SuxiuProperties suxiu) {
		this.recipients = recipients;
		this.outbox = outbox;
		this.site = suxiu.siteUrl();
	}

	@ApplicationModuleListener
	void on(MonthlyReportReady event) {
		String key = "MonthlyReportReady:" + event.projectId() + ":" + event.month();
		for (Recipient manager : recipients.staffOf(event.tenantId(), event.projectId(), Role.MANAGER)) {
			outbox.record(new Notice(key, Kind.MANAGER_MONTHLY_REPORT, manager,
					Map.of("project", event.projectName(), "month",
							event.month().getYear() + "年" + event.month().getMonthValue() + "月", "link",
							event.path().startsWith("/") ? site + event.path() : event.path()),
					event.tenantId(), null, false, false, null));
		}
	}

}
