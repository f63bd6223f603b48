package org.suxiu.workorder.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.suxiu.shared.Actor;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.Appointment;
import org.suxiu.workorder.HistoryEntry;
import org.suxiu.workorder.OrderClocks;
import org.suxiu.workorder.Reporter;
import org.suxiu.workorder.SlaSnapshot;
import org.suxiu.workorder.ReworkCheck;
import org.suxiu.workorder.WorkOrderView;
import org.suxiu.workorder.WorkOrderView.AssigneeView;
import org.suxiu.workorder.WorkOrderView.ClockView;
import org.suxiu.workorder.WorkOrderView.Deadlines;
import org.suxiu.workorder.WorkOrderView.HistoryView;
import org.suxiu.workorder.WorkOrderView.LocationView;

/**
 * Shows orders to one person: phone numbers masked unless their role needs them, the
 * grade's explanation for staff only, and the deadlines the SLA engine keeps, asked for
 * through {@link OrderClocks} (one read for a whole page).
 */
@Component
class OrderViews {

	private static final JsonMapper EXPLANATIONS = JsonMapper.builder().build();

	private final OrderClocks clocks;

	private final ZoneId zone;

	private final Clock clock;

	OrderViews(ObjectProvider<OrderClocks> clocks, SuxiuProperties properties, Clock clock) {
		this.clocks = clocks.getIfAvailable(() -> OrderClocks.NONE);
		this.zone = properties.zone();
		this.clock = clock;
	}

	/** The order with its history, as {@code viewer} may see it. */
	WorkOrderView of(WorkOrder order, List<HistoryEntry> history, Actor viewer) {
		return of(order, history, viewer, clocks.of(order.number), clock.instant());
	}

	/** Orders without history, their clocks read together. */
	List<WorkOrderView> of(List<WorkOrder> orders, Actor viewer) {
		if (orders.isEmpty()) {
			return List.of();
		}
		Map<String, List<SlaSnapshot>> all = clocks.of(orders.stream().map(o -> o.number).toList());
		Instant now = clock.instant();
		return orders.stream().map(o -> of(o, null, viewer, all.getOrDefault(o.number, List.of()), now)).toList();
	}

	/** The order's clocks, oldest first. */
	List<SlaSnapshot> clocksOf(String number) {
		return clocks.of(number);
	}

	/** The clocks of several orders, by number. */
	Map<String, List<SlaSnapshot>> clocksOf(List<String> numbers) {
		return numbers.isEmpty() ? Map.of() : clocks.of(numbers);
	}

	private WorkOrderView of(WorkOrder order, List<HistoryEntry> history, Actor viewer, List<SlaSnapshot> sla,
			Instant now) {
		boolean fullReporter = order.isReportedBy(viewer) || viewer.role().callsReporters();
		Reporter reporter = new Reporter(order.reporter.name(),
				fullReporter ? order.reporter.phone() : PhoneNumber.mask(order.reporter.phone()));
		AssigneeView assignee = null;
		if (order.assignee != null) {
			boolean fullAssignee = viewer.role().callsReporters() || order.isAssignedTo(viewer);
			assignee = new AssigneeView(order.assignee.id(), order.assignee.name(),
					fullAssignee ? order.assignee.phone() : PhoneNumber.mask(order.assignee.phone()));
		}
		Appointment appointment = order.appointment == null ? null
				: new Appointment(WorkOrderView.at(order.appointment.from().toInstant(), zone),
						WorkOrderView.at(order.appointment.to().toInstant(), zone));
		List<HistoryView> lines = history == null ? null : history.stream().map(h -> HistoryView.of(h, zone)).toList();
		// the explanation quotes other descriptions of the tenant: staff only
		JsonNode explanation = order.gradeExplanation == null || !viewer.isStaff() ? null
				: EXPLANATIONS.readTree(order.gradeExplanation);
		var site = order.site;
		LocationView location = new LocationView(site.project().code(), site.project().name(), site.building(),
				site.unit(), site.room(), site.area(), site.label());
		return new WorkOrderView(order.number, order.status, order.grade, order.gradeSource, order.gradeUncertain,
				explanation, order.category, order.channel, order.description, location, reporter, assignee,
				WorkOrderView.at(order.reportedAt, zone), WorkOrderView.at(order.createdAt, zone),
				WorkOrderView.at(order.updatedAt, zone), Deadlines.of(sla, zone), ClockView.of(sla, zone, now),
				appointment, order.resolution, order.rating, order.ratingComment, order.satisfied, order.reworkOf,
				order.reworkNumber, order.reworkCheck == ReworkCheck.PROBABLE, order.reworkCheck,
				WorkOrderView.at(order.rescuedAt, zone), lines, order.version, order.assetId);
	}

}
