package org.suxiu.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.complaint.ComplaintClosed;
import org.suxiu.complaint.ComplaintEscalated;
import org.suxiu.complaint.ComplaintOpened;
import org.suxiu.complaint.ComplaintUpdated;
import org.suxiu.complaint.ComplaintView;
import org.suxiu.complaint.Complaints;
import org.suxiu.shared.Role;

/**
 * Tells the complainant of each step of their complaint, its supervisor of a complaint to
 * answer, and the supervisor and the project's managers of a clock that ran out (as for
 * an L2 breach). Like {@link OrderNotices}, each handler runs after the step committed
 * and its dedupe keys make a second run write nothing.
 */
@Component
class ComplaintNotices {

	private final Complaints complaints;

	private final Recipients recipients;

	private final Outbox outbox;

	ComplaintNotices(Complaints complaints, Recipients recipients, Outbox outbox) {
		this.complaints = complaints;
		this.recipients = recipients;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(ComplaintOpened event) {
		complaints.facts(event.complaintId()).ifPresent(c -> {
			String key = "ComplaintOpened:" + c.id() + ":" + event.at();
			toComplainant(key, c, "open", "", event.tenantId());
			if (event.supervisorId() != null) {
				toSupervisor(key, c, event.supervisorId(), event.respondBy(), event.tenantId());
			}
		});
	}

	@ApplicationModuleListener
	void on(ComplaintUpdated event) {
		complaints.facts(event.complaintId()).ifPresent(c -> {
			String key = "ComplaintUpdated:" + c.id() + ":" + event.step() + ":" + event.at();
			switch (event.step()) {
				case "assign" ->
					toSupervisor(key, c, event.supervisorId(), c.deadlines().respondBy().toInstant(), event.tenantId());
				case "respond" -> toComplainant(key, c, "respond", c.response(), event.tenantId());
				case "resolve" -> toComplainant(key, c, "resolve", c.resolution(), event.tenantId());
				default -> {
					// the owner's own refusal needs no message to them
				}
			}
		});
	}

	@ApplicationModuleListener
	void on(ComplaintClosed event) {
		complaints.facts(event.complaintId())
			.ifPresent(c -> toComplainant("ComplaintClosed:" + c.id() + ":" + event.at(), c, "close", "",
					event.tenantId()));
	}

	@ApplicationModuleListener
	void on(ComplaintEscalated event) {
		complaints.facts(event.complaintId()).ifPresent(c -> {
			String key = "ComplaintEscalated:" + c.id() + ":" + event.clock() + ":" + event.at();
			List<Recipient> people = new ArrayList<>(
					recipients.staffOf(event.tenantId(), event.projectId(), Role.MANAGER));
			if (event.supervisorId() != null) {
				recipients.staff(event.tenantId(), String.valueOf(event.supervisorId())).ifPresent(people::add);
			}
			Map<String, Object> params = params(c);
			params.put("clock", new Templates.Label("complaint.clock." + event.clock()));
			params.put("due", event.deadline());
			for (Recipient person : people) {
				outbox.record(new Notice(key, Kind.STAFF_COMPLAINT_ESCALATED, person, params, event.tenantId(),
						c.number(), true, false, null));
			}
		});
	}

	private void toComplainant(String key, ComplaintView c, String step, String words, long tenant) {
		if (c.complainant() == null || c.complainant().phone() == null) {
			return;
		}
		Map<String, Object> params = params(c);
		params.put("step", new Templates.Label("complaint." + step));
		params.put("words", words == null ? "" : words);
		Recipient complainant = recipients.caller(c.complainant().name(), c.complainant().phone());
		outbox
			.record(new Notice(key, Kind.OWNER_COMPLAINT, complainant, params, tenant, c.number(), false, true, null));
	}

	private void toSupervisor(String key, ComplaintView c, Long supervisorId, Instant due, long tenant) {
		if (supervisorId == null) {
			return;
		}
		recipients.staff(tenant, String.valueOf(supervisorId)).ifPresent(supervisor -> {
			Map<String, Object> params = params(c);
			params.put("description", c.description());
			params.put("due", due);
			outbox.record(new Notice(key, Kind.SUPERVISOR_COMPLAINT, supervisor, params, tenant, c.number(), true,
					false, null));
		});
	}

	private Map<String, Object> params(ComplaintView c) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("id", c.id());
		params.put("place", c.number() == null ? c.projectCode() : c.projectCode() + " " + c.number());
		return params;
	}

}
