package org.suxiu.dispatch.dayplan;

import org.suxiu.dispatch.Job;
import org.suxiu.dispatch.Recommender;
import org.suxiu.dispatch.Technician;
import org.suxiu.dispatch.TechnicianDirectory;
import org.suxiu.dispatch.TravelTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.suxiu.dispatch.planning.DayPlanSolution;
import org.suxiu.dispatch.planning.PlanTechnician;
import org.suxiu.dispatch.planning.PlanVisit;
import org.suxiu.dispatch.planning.RoadMap;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrders;

/**
 * Reads what the day planner needs for one project now: the technicians on a regular
 * shift who serve it, the work in their hands (on site: they set off after it; taken or
 * dispatched: pinned at the head of their route), and the project's NEW orders of the
 * planned grades.
 */
@Component
class DayPlanProblems {

	private final TechnicianDirectory technicians;

	private final WorkOrders orders;

	private final PropertyDirectory property;

	private final Clock clock;

	private final SuxiuProperties properties;

	private final TravelTimes travel;

	private final Duration overhead;

	private final Set<Grade> grades;

	DayPlanProblems(TechnicianDirectory technicians, WorkOrders orders, PropertyDirectory property, Clock clock,
			SuxiuProperties properties, @Value("${suxiu.dispatch.speed-kmh:20}") double speedKmh,
			@Value("${suxiu.dispatch.detour:1.3}") double detour,
			@Value("${suxiu.dispatch.overhead:PT2M}") Duration overhead,
			@Value("${suxiu.dispatch.planner.grades:L3,L4}") Set<Grade> grades) {
		this.technicians = technicians;
		this.orders = orders;
		this.property = property;
		this.clock = clock;
		this.properties = properties;
		this.travel = new TravelTimes.StraightLine(speedKmh, detour, Duration.ofMinutes(2));
		this.overhead = overhead;
		this.grades = Set.copyOf(grades);
	}

	/**
	 * A problem and what the planner saw of each order to plan.
	 *
	 * @param solution the planning problem
	 * @param seen the NEW orders to plan, as read
	 * @param ownOrders the project's open orders: work in hand for another project
	 * occupies its technician but is not shown in this project's plan
	 */
	record Problem(DayPlanSolution solution, Map<String, OrderFacts> seen, Set<String> ownOrders) {

		boolean hasWorkToPlan() {
			return !seen.isEmpty() && !solution.getTechnicians().isEmpty();
		}

	}

	Problem read(Project project) {
		Instant now = clock.instant();
		ZonedDateTime local = now.atZone(properties.zone());
		Map<String, OrderFacts> open = new LinkedHashMap<>();
		orders.openOrders(project.id()).forEach(o -> open.put(o.number(), o));
		Map<Long, List<Job>> inHand = new HashMap<>();
		technicians.jobs(project.tenantId())
			.forEach(j -> inHand.computeIfAbsent(j.technicianId(), id -> new ArrayList<>()).add(j));
		List<PlanTechnician> routes = new ArrayList<>();
		List<PlanVisit> visits = new ArrayList<>();
		for (Technician technician : technicians.technicians(project.tenantId())) {
			if (!technician.isAvailable() || !technician.serves(project.id()) || !technician.onShift(local, false)) {
				continue;
			}
			List<Job> jobs = inHand.getOrDefault(technician.id(), List.of());
			PlanTechnician route = route(technician, jobs, now, local);
			jobs.stream()
				.filter(Job::isWaiting)
				.sorted(Comparator.comparing(Job::grade).thenComparing(Job::dispatchedAt))
				.forEach(job -> {
					OrderFacts order = open.get(job.number());
					PlanVisit visit = new PlanVisit(job.number(), job.grade(), job.category(), job.site(),
							Recommender.service(job.category()).toSeconds(), order == null ? 0 : readyAt(now, order),
							null, seconds(now, job.arriveBy()), null);
					route.pin(visit);
					visits.add(visit);
				});
			routes.add(route);
		}
		Map<String, OrderFacts> seen = new LinkedHashMap<>();
		for (OrderFacts order : open.values()) {
			OrderFacts facts = order;
			if (facts.status() == Status.NEW && grades.contains(facts.grade())) {
				GeoPoint site = property.position(facts.projectId(), facts.building(), facts.area()).orElse(null);
				visits.add(new PlanVisit(facts.number(), facts.grade(), facts.category(), site,
						Recommender.service(facts.category()).toSeconds(), readyAt(now, facts),
						seconds(now, facts.appointmentTo()), seconds(now, facts.arriveBy()),
						seconds(now, order.completeBy())));
				seen.put(facts.number(), facts);
			}
		}
		RoadMap roads = new RoadMap(travel::between, Duration.ofMinutes(15));
		return new Problem(new DayPlanSolution(now, roads, routes, visits), seen, Set.copyOf(open.keySet()));
	}

	private PlanTechnician route(Technician technician, List<Job> jobs, Instant now, ZonedDateTime local) {
		Instant free = now.plus(overhead);
		GeoPoint from = technician.position();
		int outsideRoute = 0;
		for (Job job : jobs) {
			if (job.isOnSite()) {
				Duration spent = job.startedAt() == null ? Duration.ZERO : Duration.between(job.startedAt(), now);
				Instant done = now.plus(Recommender.remaining(job.category(), spent));
				free = done.isAfter(free) ? done : free;
				from = job.site() != null ? job.site() : from;
			}
			if (!job.isWaiting()) {
				outsideRoute++;
			}
		}
		Instant shiftEnd = technician.shiftEnd(local, false).toInstant();
		return new PlanTechnician(technician.id(), technician.name(), technician.skills(), from, seconds(now, free),
				seconds(now, shiftEnd), Math.max(0, technician.maxOpenJobs() - outsideRoute));
	}

	private static long readyAt(Instant now, OrderFacts facts) {
		return facts.appointmentFrom() == null ? 0 : Math.max(0, seconds(now, facts.appointmentFrom()));
	}

	private static Long seconds(Instant now, Instant at) {
		return at == null ? null : DayPlanSolution.secondsBetween(now, at);
	}

}
