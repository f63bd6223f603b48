package org.suxiu.dispatch;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.PlausibleTime;
import org.suxiu.shared.Role;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.WorkOrders;

/**
 * Technicians (status, position, skills, shifts) and dispatch recommendations.
 */
@RestController
@Tag(name = "Dispatch 派工")
class DispatchController {

	private static final List<Role> BOARD = List.of(Role.DISPATCHER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);

	private final TechnicianDirectory technicians;

	private final Recommendations recommendations;

	private final WorkOrders orders;

	private final PropertyDirectory property;

	private final Clock clock;

	private final TechnicianProfiles profiles;

	private final TechnicianDuty duty;

	private final TechnicianPositions positions;

	DispatchController(TechnicianDirectory technicians, Recommendations recommendations, WorkOrders orders,
			PropertyDirectory property, Clock clock, TechnicianProfiles profiles, TechnicianDuty duty,
			TechnicianPositions positions) {
		this.positions = positions;
		this.profiles = profiles;
		this.duty = duty;
		this.technicians = technicians;
		this.recommendations = recommendations;
		this.orders = orders;
		this.property = property;
		this.clock = clock;
	}

	@GetMapping("/api/v1/technicians")
	@Operation(summary = "The technicians of the caller's tenant 技师列表 (DISPATCHER, SUPERVISOR, MANAGER, ADMIN)")
	@Transactional(readOnly = true)
	List<TechnicianView> list(Actor actor, @RequestParam(required = false) String projectCode) {
		if (!BOARD.contains(actor.role())) {
			throw new Forbidden("The technician board is for dispatchers, supervisors, managers and administrators");
		}
		Long projectId = projectCode == null ? null
				: property.project(projectCode)
					.filter(p -> actor.serves(p.tenantId(), p.id()))
					.map(Project::id)
					.orElseThrow(() -> new NotFound("Project", projectCode));
		Map<Long, List<Job>> jobs = new java.util.HashMap<>();
		technicians.jobs(actor.tenantId())
			.forEach(j -> jobs.computeIfAbsent(j.technicianId(), id -> new java.util.ArrayList<>()).add(j));
		boolean fullPhones = actor.is(Role.DISPATCHER) || actor.is(Role.SUPERVISOR);
		return technicians.technicians(actor.tenantId())
			.stream()
			.filter(t -> projectId == null || t.serves(projectId))
			.map(t -> TechnicianView.of(t, jobs.getOrDefault(t.id(), List.of()), fullPhones))
			.toList();
	}

	@GetMapping("/api/v1/work-orders/{number}/recommendations")
	@Operation(summary = "Who should go, best first, with the reasons 派工推荐 (DISPATCHER, SUPERVISOR)")
	List<Proposal> recommendations(Actor actor, @PathVariable String number) {
		OrderFacts order = orders.facts(number)
			.filter(o -> actor.serves(o.tenantId(), o.projectId()))
			.orElseThrow(() -> new NotFound("Work order", number));
		if (!actor.is(Role.DISPATCHER) && !actor.is(Role.SUPERVISOR)) {
			throw new Forbidden("Recommendations are for dispatchers and supervisors");
		}
		return recommendations.rank(order);
	}

	@PutMapping("/api/v1/technicians/{id}/status")
	@Operation(
			summary = "On duty, off or on leave; going off hands back jobs not yet started (SUPERVISOR, DISPATCHER, self)")
	@Transactional
	TechnicianView status(Actor actor, @PathVariable String id, @Valid @RequestBody StatusRequest request) {
		Technician technician = find(actor, id);
		if (!actor.is(Role.SUPERVISOR) && !actor.is(Role.DISPATCHER) && technician.id() != actor.id()) {
			throw new Forbidden("Only supervisors, dispatchers and the technician change a technician's status");
		}
		if (request.status() == TechnicianStatus.BUSY) {
			throw new InvalidInput("status", "BUSY follows from the jobs in hand; set ON_DUTY, OFF or LEAVE");
		}
		duty.setStatus(technician, request.status());
		return view(actor, technician.id());
	}

	@PutMapping("/api/v1/technicians/{id}/position")
	@Operation(summary = "The technician's phone reports where it is, while on duty (the technician); "
			+ "off the map or in the future → 400, off duty → 422, older than the position kept → ignored")
	@Transactional
	TechnicianView position(Actor actor, @PathVariable String id, @Valid @RequestBody PositionRequest request) {
		positions.report(actor, id, List.of(request.fix()));
		return view(actor, find(actor, id).id());
	}

	@PostMapping("/api/v1/technicians/{id}/positions")
	@Operation(summary = "Several positions at once, e.g. queued while the phone had no signal (the technician); "
			+ "the newest fresh one is kept, the rest answered as ignored; one bad position refuses all")
	TechnicianPositions.Reported positions(Actor actor, @PathVariable String id,
			@Valid @RequestBody PositionBatch batch) {
		return positions.report(actor, id, batch.positions().stream().map(PositionRequest::fix).toList());
	}

	@PutMapping("/api/v1/technicians/{id}/skills")
	@Operation(summary = "Skills and levels 1-5, e.g. {\"PLUMBING\": 4} (SUPERVISOR, ADMIN)")
	@Transactional
	TechnicianView skills(Actor actor, @PathVariable String id, @RequestBody Map<Category, Integer> skills) {
		profiles.setSkills(actor, id, skills);
		return view(actor, find(actor, id).id());
	}

	@PutMapping("/api/v1/technicians/{id}/shifts")
	@Operation(
			summary = "Weekly shifts 排班; dayOfWeek 1-7 or null for every day; onCall for emergency duty (SUPERVISOR, ADMIN)")
	@Transactional
	TechnicianView shifts(Actor actor, @PathVariable String id, @Valid @RequestBody List<@Valid ShiftRequest> shifts) {
		profiles.setShifts(actor, id,
				shifts.stream()
					.map(s -> new Shift(s.dayOfWeek() == null ? null : DayOfWeek.of(s.dayOfWeek()), s.from(), s.to(),
							Boolean.TRUE.equals(s.onCall())))
					.toList());
		return view(actor, find(actor, id).id());
	}

	private Technician find(Actor actor, String id) {
		if (actor.tenantId() == null) {
			throw new NotFound("Technician", id);
		}
		return technicians.technician(actor.tenantId(), id).orElseThrow(() -> new NotFound("Technician", id));
	}

	private TechnicianView view(Actor actor, long id) {
		Technician technician = technicians.technician(actor.tenantId(), String.valueOf(id)).orElseThrow();
		return TechnicianView.of(technician, technicians.jobsOf(id),
				actor.is(Role.DISPATCHER) || actor.is(Role.SUPERVISOR) || actor.id() == id);
	}

	record StatusRequest(@NotNull TechnicianStatus status) {
	}

	record PositionRequest(@NotNull @Min(-90) @Max(90) Double lat, @NotNull @Min(-180) @Max(180) Double lng,
			@PlausibleTime OffsetDateTime at) {

		PositionFix fix() {
			return new PositionFix(new GeoPoint(lat, lng), at == null ? null : at.toInstant());
		}

	}

	record PositionBatch(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull PositionRequest> positions) {
	}

	record ShiftRequest(@Min(1) @Max(7) Integer dayOfWeek, @NotNull LocalTime from, @NotNull LocalTime to,
			Boolean onCall) {
	}

	/**
	 * A technician on the board.
	 *
	 * @param id staff id, usable as {@code technicianId} when dispatching
	 * @param username login
	 * @param name display name
	 * @param phone contact (masked for roles that do not call technicians)
	 * @param skills categories they are qualified for
	 * @param skillLevels level 1..5 per category
	 * @param status ON_DUTY, BUSY, OFF or LEAVE
	 * @param openJobs jobs in hand
	 * @param maxOpenJobs how many they may hold
	 * @param position last known position, or {@code null}
	 * @param shifts weekly shifts
	 */
	record TechnicianView(long id, String username, String name, String phone, List<Category> skills,
			Map<Category, Integer> skillLevels, TechnicianStatus status, int openJobs, int maxOpenJobs,
			GeoPoint position, List<Shift> shifts) {

		static TechnicianView of(Technician t, List<Job> jobs, boolean fullPhone) {
			TechnicianStatus status = t.status() == TechnicianStatus.ON_DUTY && jobs.stream().anyMatch(Job::isOnSite)
					? TechnicianStatus.BUSY : t.status();
			return new TechnicianView(t.id(), t.username(), t.name(),
					fullPhone ? t.phone() : PhoneNumber.mask(t.phone()), List.copyOf(t.skills().keySet()), t.skills(),
					status, jobs.size(), t.maxOpenJobs(), t.position(), t.shifts());
		}

	}

}
