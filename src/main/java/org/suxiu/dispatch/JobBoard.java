package org.suxiu.dispatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.TechnicianArrived;
import org.suxiu.workorder.WorkCompleted;
import org.suxiu.workorder.WorkOrderCancelled;
import org.suxiu.workorder.WorkOrderClosed;
import org.suxiu.workorder.WorkOrderDeclined;
import org.suxiu.workorder.WorkOrderDispatched;
import org.suxiu.workorder.WorkOrderHeld;
import org.suxiu.workorder.WorkOrderReopened;
import org.suxiu.workorder.WorkOrderResumed;
import org.suxiu.workorder.WorkOrderTaken;
import org.suxiu.workorder.WorkOrders;
import org.suxiu.workorder.WorkStarted;

/**
 * Keeps each technician's jobs in hand as the orders move, in the transaction of the
 * move, and refuses a dispatch that would give a technician more open jobs than allowed
 * (emergencies excepted: the dispatcher has the last word on an L1).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class JobBoard {

	private final JdbcClient jdbc;

	private final TechnicianDirectory technicians;

	private final WorkOrders orders;

	private final PropertyDirectory property;

	private final Recommendations recommendations;

	JobBoard(JdbcClient jdbc, TechnicianDirectory technicians, WorkOrders orders, PropertyDirectory property,
			Recommendations recommendations) {
		this.recommendations = recommendations;
		this.jdbc = jdbc;
		this.technicians = technicians;
		this.orders = orders;
		this.property = property;
	}

	@EventListener
	void on(WorkOrderDispatched event) {
		Technician technician = technicians.technician(event.tenantId(), String.valueOf(event.technicianId()))
			.orElseThrow();
		// one dispatch at a time per technician, so two at once (grabs, say) cannot both
		// pass the open-jobs check
		technicians.lockProfile(technician.id(), event.tenantId());
		long inHand = technicians.jobsOf(technician.id())
			.stream()
			.filter(j -> !j.number().equals(event.number()))
			.count();
		if (event.grade() != Grade.L1 && inHand >= technician.maxOpenJobs()) {
			throw new BusinessRuleViolation("technician-at-capacity", technician.name() + " already has " + inHand
					+ " open jobs (at most " + technician.maxOpenJobs() + ")");
		}
		OrderFacts order = orders.facts(event.number()).orElseThrow();
		// the system follows the first proposal; a technician grabbing from the pool
		// chose themselves
		if (!event.dispatcher().equals("system") && !event.dispatcher().equals(technician.username())) {
			noteWhenNotFirst(order, technician);
		}
		GeoPoint site = property.position(order.projectId(), order.building(), order.area()).orElse(null);
		technicians.ensureProfile(technician.id(), event.tenantId());
		jdbc.sql("""
				INSERT INTO dispatch_job (order_number, tenant_id, project_id, technician_id, grade, category, status,
				    lat, lng, dispatched_at, arrive_by)
				VALUES (?, ?, ?, ?, ?, ?, 'DISPATCHED', ?, ?, ?, ?)
				ON CONFLICT (order_number) DO UPDATE SET technician_id = EXCLUDED.technician_id, status = 'DISPATCHED',
				    dispatched_at = EXCLUDED.dispatched_at, started_at = NULL, grade = EXCLUDED.grade
				""")
			.params(order.number(), order.tenantId(), order.projectId(), technician.id(), order.grade().name(),
					order.category().name(), site == null ? null : site.lat(), site == null ? null : site.lng(),
					ts(event.at()), ts(order.arriveBy()))
			.update();
		if (event.grade() == Grade.L1) {
			interruptWorkInHand(technician, order);
		}
	}

	/**
	 * An emergency comes first: planned or general work (L3, L4) the technician is doing
	 * waits on hold, its clocks running, and its owner is told; urgent work (L2) waits
	 * only in a surge, when the project's emergencies outnumber the free qualified
	 * technicians (as the recommender proposes); otherwise the urgent job is finished
	 * first.
	 */
	private void interruptWorkInHand(Technician technician, OrderFacts emergency) {
		List<Job> working = technicians.jobsOf(technician.id())
			.stream()
			.filter(j -> !j.number().equals(emergency.number()) && j.isOnSite() && j.grade() != Grade.L1)
			.toList();
		if (working.isEmpty()) {
			return;
		}
		boolean urgentYields = working.stream().anyMatch(j -> j.grade() == Grade.L2)
				&& recommendations.surge(emergency).active();
		working.stream()
			.filter(j -> Recommender.isPreemptible(j, urgentYields))
			.forEach(j -> orders.interrupt(j.number(), emergency.number()));
	}

	@EventListener
	void on(WorkOrderTaken event) {
		status(event.number(), "TAKEN");
	}

	@EventListener
	void on(TechnicianArrived event) {
		jdbc.sql("UPDATE dispatch_job SET status = 'ARRIVED', started_at = ? WHERE order_number = ?")
			.params(ts(event.at()), event.number())
			.update();
		movedTo(event.number(), event.technicianId(), event.tenantId(), event.at());
	}

	@EventListener
	void on(WorkStarted event) {
		status(event.number(), "IN_PROGRESS");
	}

	@EventListener
	void on(WorkOrderHeld event) {
		status(event.number(), "ON_HOLD");
	}

	@EventListener
	void on(WorkOrderResumed event) {
		status(event.number(), "IN_PROGRESS");
	}

	@EventListener
	void on(WorkCompleted event) {
		movedTo(event.number(), event.technicianId(), event.tenantId(), event.at());
		remove(event.number());
	}

	@EventListener
	void on(WorkOrderDeclined event) {
		remove(event.number());
	}

	@EventListener
	void on(WorkOrderCancelled event) {
		remove(event.number());
	}

	@EventListener
	void on(WorkOrderClosed event) {
		remove(event.number());
	}

	@EventListener
	void on(WorkOrderReopened event) {
		remove(event.number());
	}

	/**
	 * A dispatcher may overrule the recommendation (special skills, an urgent
	 * interruption); the history then says what the first proposal was, next to the
	 * dispatcher's own reason.
	 */
	private void noteWhenNotFirst(OrderFacts order, Technician chosen) {
		List<Proposal> proposals = recommendations.rank(order);
		if (proposals.isEmpty() || proposals.get(0).technicianId() == chosen.id()) {
			return;
		}
		Proposal first = proposals.get(0);
		String rank = proposals.stream()
			.filter(p -> p.technicianId() == chosen.id())
			.findFirst()
			.map(p -> "第" + (proposals.indexOf(p) + 1) + "推荐 ranked " + (proposals.indexOf(p) + 1))
			.orElse("未在推荐中 not proposed");
		orders.appendSystemHistory(order.number(), "dispatch-override", "首选 first proposal: " + first.name() + " (ETA "
				+ first.etaMinutes() + " min); 派给 chosen: " + chosen.name() + ", " + rank, null);
	}

	/**
	 * The technician is where the job is: their best-known position until the phone
	 * reports another.
	 */
	private void movedTo(String number, long technicianId, long tenantId, Instant at) {
		jdbc.sql("SELECT lat, lng FROM dispatch_job WHERE order_number = ? AND lat IS NOT NULL")
			.param(number)
			.query((rs, n) -> new GeoPoint(rs.getDouble(1), rs.getDouble(2)))
			.optional()
			.ifPresent(site -> technicians.setPosition(technicianId, tenantId, site, at));
	}

	private void status(String number, String status) {
		jdbc.sql("UPDATE dispatch_job SET status = ? WHERE order_number = ?").params(status, number).update();
	}

	private void remove(String number) {
		jdbc.sql("DELETE FROM dispatch_job WHERE order_number = ?").param(number).update();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
