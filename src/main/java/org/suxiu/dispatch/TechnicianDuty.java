package org.suxiu.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.WorkOrders;

/**
 * A technician's duty: the on-duty switch (在岗/休息), which hands back jobs not yet started
 * when someone goes off, and the grab pool's offers to a technician on duty. The API and
 * the technician's phone page both come here.
 */
@Service
public class TechnicianDuty {

	private final TechnicianDirectory technicians;

	private final WorkOrders orders;

	private final GrabPool pool;

	private final PropertyDirectory property;

	private final SuxiuProperties settings;

	private final Clock clock;

	TechnicianDuty(TechnicianDirectory technicians, WorkOrders orders, GrabPool pool, PropertyDirectory property,
			SuxiuProperties settings, Clock clock) {
		this.technicians = technicians;
		this.orders = orders;
		this.pool = pool;
		this.property = property;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Where a technician stands, as their own page shows it.
	 *
	 * @param status the switch: ON_DUTY, OFF or LEAVE
	 * @param availability the switch read against the roster and the jobs in hand
	 * @param nextShift when the next regular shift starts, if outside one now
	 * @param jobsInHand open jobs
	 */
	public record Duty(TechnicianStatus status, Availability availability, OffsetDateTime nextShift, int jobsInHand) {
	}

	/** The signed-in technician's duty. */
	@Transactional(readOnly = true)
	public Duty duty(Actor me) {
		Technician technician = self(me);
		List<Job> jobs = technicians.jobsOf(technician.id());
		ZonedDateTime now = clock.instant().atZone(settings.zone());
		Availability availability = technician.availability(now, jobs.stream().anyMatch(Job::isOnSite));
		ZonedDateTime next = availability == Availability.ON_SHIFT || availability == Availability.BUSY ? null
				: technician.nextShiftStart(now, availability != Availability.ON_CALL);
		return new Duty(technician.status(), availability, next == null ? null : next.toOffsetDateTime(), jobs.size());
	}

	/** The technician switches themselves on duty (在岗) or off (休息). */
	@Transactional
	public Duty switchDuty(Actor me, boolean onDuty) {
		setStatus(self(me), onDuty ? TechnicianStatus.ON_DUTY : TechnicianStatus.OFF);
		return duty(me);
	}

	/**
	 * Sets the switch; going off or on leave hands back the jobs not yet started, so a
	 * dispatcher sends someone else.
	 */
	void setStatus(Technician technician, TechnicianStatus status) {
		technicians.setStatus(technician.id(), technician.tenantId(), status);
		if (status == TechnicianStatus.OFF || status == TechnicianStatus.LEAVE) {
			for (Job job : technicians.jobsOf(technician.id())) {
				if (job.isWaiting()) {
					orders.handBack(job.number(), (status == TechnicianStatus.OFF ? "技师下班 off duty" : "技师请假 on leave")
							+ ": " + technician.name());
				}
			}
		}
	}

	/**
	 * The orders the technician may grab now, oldest first: none while off duty; only
	 * open pools of projects they serve, and categories they have the skill for.
	 */
	@Transactional(readOnly = true)
	public List<GrabOffer> offers(Actor me) {
		Technician technician = self(me);
		List<GrabOffer> offers = new ArrayList<>();
		if (!technician.isAvailable()) {
			return offers;
		}
		for (Project project : property.projectsOf(me.tenantId())) {
			GrabPoolSettings open = pool.settings(project.id());
			if (!open.enabled() || !technician.serves(project.id())) {
				continue;
			}
			Map<List<String>, Optional<GeoPoint>> places = new HashMap<>();
			for (OrderFacts order : orders.waiting(project.id())) {
				if (open.offers(order.grade(), order.category(), order.reportedAt(), clock.instant())
						&& technician.level(order.category()) > 0) {
					GeoPoint site = places
						.computeIfAbsent(Arrays.asList(order.building(), order.area()),
								key -> property.position(project.id(), order.building(), order.area()))
						.orElse(null);
					offers.add(offer(project, order, site, technician.position()));
				}
			}
		}
		return offers;
	}

	private Technician self(Actor me) {
		if (!me.is(Role.TECHNICIAN)) {
			throw new Forbidden("This is the technicians' own desk");
		}
		return technicians.technician(me.tenantId(), String.valueOf(me.id()))
			.orElseThrow(() -> new NotFound("Technician", me.username()));
	}

	private GrabOffer offer(Project project, OrderFacts order, GeoPoint site, GeoPoint me) {
		Double distance = me == null || site == null ? null : Math.round(me.kilometresTo(site) * 100) / 100.0;
		return new GrabOffer(order.number(), order.grade(), order.category().name(), project.code(), order.building(),
				order.area(), at(order.reportedAt()), at(order.arriveBy()), distance);
	}

	private OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atZone(settings.zone()).toOffsetDateTime();
	}

}
