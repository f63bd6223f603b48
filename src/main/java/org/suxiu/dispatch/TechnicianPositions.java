package org.suxiu.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.live.LiveFeed;
import org.suxiu.live.Recipient;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrders;

/**
 * Where technicians are: positions their phones send (one or a batch queued while the
 * signal was gone), checked, the newest kept, and the live ETA an owner sees from it. A
 * position older than {@code suxiu.dispatch.position-max-age} is aged out: not stored
 * when it arrives, and no ETA is drawn from it.
 */
@Service
public class TechnicianPositions {

	/** A phone's clock may run this much ahead before its fix counts as in the future. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	private final TechnicianDirectory technicians;

	private final PropertyDirectory property;

	private final WorkOrders orders;

	private final LiveFeed live;

	private final Clock clock;

	private final TravelTimes travel;

	private final Duration maxAge;

	private final double serviceRadiusKm;

	TechnicianPositions(TechnicianDirectory technicians, PropertyDirectory property, WorkOrders orders, LiveFeed live,
			Clock clock, @Value("${suxiu.dispatch.speed-kmh:20}") double speedKmh,
			@Value("${suxiu.dispatch.detour:1.3}") double detour,
			@Value("${suxiu.dispatch.position-max-age:PT10M}") Duration maxAge,
			@Value("${suxiu.dispatch.service-radius-km:200}") double serviceRadiusKm) {
		this.technicians = technicians;
		this.property = property;
		this.orders = orders;
		this.live = live;
		this.clock = clock;
		this.travel = new TravelTimes.StraightLine(speedKmh, detour, Duration.ofMinutes(1));
		this.maxAge = maxAge;
		this.serviceRadiusKm = serviceRadiusKm;
	}

	/**
	 * What became of a report.
	 *
	 * @param accepted fixes fresh enough and newer than the position kept before
	 * @param ignored fixes aged out or older than the position kept before
	 * @param position the position kept now, or {@code null}
	 * @param positionAt when it was measured
	 */
	public record Reported(int accepted, int ignored, GeoPoint position, Instant positionAt) {
	}

	/**
	 * The technician's own phone reports one or more fixes (oldest first or in any
	 * order); the newest fresh one becomes their position, and owners waiting for them
	 * see their ETA move. Nothing is stored when any fix is off the map or in the future
	 * (400), or when the technician is off duty (422).
	 */
	@Transactional
	public Reported report(Actor actor, String technicianId, List<PositionFix> fixes) {
		if (actor.tenantId() == null) {
			throw new NotFound("Technician", technicianId);
		}
		Technician technician = technicians.technician(actor.tenantId(), technicianId)
			.orElseThrow(() -> new NotFound("Technician", technicianId));
		if (!actor.is(Role.TECHNICIAN) || technician.id() != actor.id()) {
			throw new Forbidden("Only the technician's own phone reports their position");
		}
		if (fixes.isEmpty() || fixes.size() > 500) {
			throw new InvalidInput("positions", "send 1 to 500 positions");
		}
		Instant now = clock.instant();
		List<GeoPoint> centres = centres(technician);
		for (int i = 0; i < fixes.size(); i++) {
			PositionFix fix = fixes.get(i);
			if (fix.at() != null && fix.at().isAfter(now.plus(CLOCK_SKEW))) {
				throw new InvalidInput("positions[" + i + "].at", "lies in the future 定位时间晚于当前时间");
			}
			if (offTheMap(fix.point(), centres)) {
				throw new InvalidInput("positions[" + i + "]",
						"is off the map: farther than " + (int) serviceRadiusKm + " km from every project 不在服务范围内");
			}
		}
		if (!technician.isAvailable()) {
			throw new BusinessRuleViolation("off-duty", "Positions are kept only while on duty 休息时不记录位置");
		}
		List<PositionFix> usable = fixes.stream()
			.map(f -> f.at() == null || f.at().isAfter(now) ? new PositionFix(f.point(), now) : f)
			.filter(f -> !f.at().isBefore(now.minus(maxAge)))
			.filter(f -> technician.positionAt() == null || f.at().isAfter(technician.positionAt()))
			.toList();
		Optional<PositionFix> newest = usable.stream().max(Comparator.comparing(PositionFix::at));
		if (newest.isEmpty()) {
			return new Reported(0, fixes.size(), technician.position(), technician.positionAt());
		}
		technicians.setPosition(technician.id(), technician.tenantId(), newest.get().point(), newest.get().at());
		tellWaitingOwners(technician);
		return new Reported(usable.size(), fixes.size() - usable.size(), newest.get().point(), newest.get().at());
	}

	/**
	 * The assigned technician's ETA at the order's site while they are on the way
	 * (DISPATCHED or TAKEN) and their position is fresh; empty otherwise.
	 */
	@Transactional(readOnly = true)
	public Optional<Eta> eta(OrderFacts order) {
		if (order.assigneeId() == null || (order.status() != Status.DISPATCHED && order.status() != Status.TAKEN)) {
			return Optional.empty();
		}
		Optional<Technician> technician = technicians.technician(order.tenantId(), String.valueOf(order.assigneeId()));
		Optional<GeoPoint> site = property.position(order.projectId(), order.building(), order.area());
		if (technician.isEmpty() || site.isEmpty() || !isFresh(technician.get())) {
			return Optional.empty();
		}
		Duration trip = travel.between(technician.get().position(), site.get());
		long minutes = Math.max(1, (trip.getSeconds() + 59) / 60);
		return Optional.of(new Eta(minutes, technician.get().name(), technician.get().positionAt()));
	}

	private boolean isFresh(Technician technician) {
		return technician.position() != null && technician.positionAt() != null
				&& !technician.positionAt().isBefore(clock.instant().minus(maxAge));
	}

	private List<GeoPoint> centres(Technician technician) {
		return property.projectsOf(technician.tenantId())
			.stream()
			.filter(p -> technician.serves(p.id()))
			.flatMap(p -> property.position(p.id(), null, null).stream())
			.toList();
	}

	private boolean offTheMap(GeoPoint point, List<GeoPoint> centres) {
		if (point.lat() == 0 && point.lng() == 0) {
			// "null island": what a phone sends when it has no fix
			return true;
		}
		return !centres.isEmpty() && centres.stream().allMatch(c -> c.kilometresTo(point) > serviceRadiusKm);
	}

	private void tellWaitingOwners(Technician technician) {
		for (Job job : technicians.jobsOf(technician.id())) {
			if (!job.isWaiting()) {
				continue;
			}
			orders.facts(job.number())
				.filter(o -> o.reporterOwnerId() != null)
				.ifPresent(o -> live.append(Recipient.owner(o.reporterOwnerId()), "technician-moved", o.number(),
						Map.of()));
		}
	}

}
