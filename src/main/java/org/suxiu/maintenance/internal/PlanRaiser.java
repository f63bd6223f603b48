package org.suxiu.maintenance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.asset.AssetView;
import org.suxiu.asset.Assets;
import org.suxiu.maintenance.PlanWorkGenerated;
import org.suxiu.maintenance.PlanWorkOverdue;
import org.suxiu.shared.Grade;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.Appointment;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.Location;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.SystemReport;
import org.suxiu.workorder.WorkOrders;

/**
 * Raises one piece of plan work, or escalates one, each in its own transaction: the claim
 * on (plan, due day) and the order commit together or not at all.
 */
@Component
class PlanRaiser {

	private static final Set<Status> FINISHED = EnumSet.of(Status.COMPLETED, Status.ACCEPTED, Status.CLOSED);

	private final PlanStore store;

	private final Assets assets;

	private final WorkOrders orders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	PlanRaiser(PlanStore store, Assets assets, WorkOrders orders, ApplicationEventPublisher events, Clock clock,
			SuxiuProperties properties) {
		this.store = store;
		this.assets = assets;
		this.orders = orders;
		this.events = events;
		this.clock = clock;
		this.zone = properties.zone();
	}

	/** The order raised, or empty if the day's work was claimed already. */
	@Transactional
	Optional<String> raise(PlanStore.Plan plan, LocalDate dueOn, LocalDate workOn) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!store.claim(plan.id(), dueOn, workOn, "pending:" + plan.id() + ":" + dueOn, now)) {
			return Optional.empty();
		}
		AssetView asset = assets.find(plan.assetId()).orElseThrow();
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate day = workOn.isBefore(today) ? today : workOn;
		ZonedDateTime from = day.atTime(8, 0).atZone(zone);
		ZonedDateTime to = day.atTime(20, 0).atZone(zone);
		if (!to.toInstant().isAfter(now)) {
			to = now.plus(Duration.ofHours(2)).atZone(zone);
		}
		String description = "计划维保：" + plan.name() + "（" + asset.name() + "），计划日期 " + workOn + "；检查项："
				+ String.join("；", plan.checklist()) + " · planned maintenance";
		String number = orders.raise(new SystemReport(Channel.INSPECTION,
				new Location(asset.projectCode(), null, null, null, asset.place()), asset.type().category(),
				description, Grade.L4, new Appointment(from.toOffsetDateTime(), to.toOffsetDateTime()), asset.id(),
				"plan:" + plan.id()));
		store.numbered(plan.id(), dueOn, number);
		events.publishEvent(new PlanWorkGenerated(plan.id(), asset.id(), plan.tenantId(), plan.projectId(), dueOn,
				workOn, number, now));
		return Optional.of(number);
	}

	/** Escalates overdue work once; answers whether this call did. */
	@Transactional
	boolean escalate(PlanStore.Overdue work) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Status status = orders.facts(work.number()).map(f -> f.status()).orElse(Status.CANCELLED);
		if (FINISHED.contains(status)) {
			// completed: the completion listener records when
			return false;
		}
		if (!store.escalate(work.id(), now)) {
			return false;
		}
		if (status == Status.CANCELLED) {
			return false;
		}
		orders.appendSystemHistory(work.number(), "escalate",
				"计划维保逾期未完成（计划日期 " + work.workOn() + "）· planned maintenance overdue", null);
		events.publishEvent(new PlanWorkOverdue(work.planId(), work.projectId(), work.workOn(), work.number(), now));
		return true;
	}

}
