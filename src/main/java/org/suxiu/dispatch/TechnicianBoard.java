package org.suxiu.dispatch;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.OrderFacts;

/**
 * The technician board and the ranked proposals for an order, for front ends other than
 * the HTTP API (the dispatcher's console), under the API's role rules.
 */
@Service
public class TechnicianBoard {

	private static final List<Role> BOARD = List.of(Role.DISPATCHER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);

	private final TechnicianDirectory technicians;

	private final Recommendations recommendations;

	private final Clock clock;

	private final SuxiuProperties properties;

	TechnicianBoard(TechnicianDirectory technicians, Recommendations recommendations, Clock clock,
			SuxiuProperties properties) {
		this.technicians = technicians;
		this.recommendations = recommendations;
		this.clock = clock;
		this.properties = properties;
	}

	/** The tenant's technicians serving {@code projectId} (all when {@code null}). */
	@Transactional(readOnly = true)
	public List<BoardEntry> board(Actor actor, Long projectId) {
		if (!BOARD.contains(actor.role())) {
			throw new Forbidden("The technician board is for dispatchers, supervisors, managers and administrators");
		}
		Map<Long, List<Job>> jobs = new HashMap<>();
		technicians.jobs(actor.tenantId())
			.forEach(j -> jobs.computeIfAbsent(j.technicianId(), id -> new ArrayList<>()).add(j));
		boolean fullPhones = actor.is(Role.DISPATCHER) || actor.is(Role.SUPERVISOR);
		ZonedDateTime now = clock.instant().atZone(properties.zone());
		return technicians.technicians(actor.tenantId())
			.stream()
			.filter(t -> projectId == null || t.serves(projectId))
			.map(t -> BoardEntry.of(t, jobs.getOrDefault(t.id(), List.of()), fullPhones, now))
			.toList();
	}

	/** Who should go to the order, best first; for dispatchers and supervisors. */
	public List<Proposal> proposals(Actor actor, OrderFacts order) {
		return ranking(actor, order).proposals();
	}

	/**
	 * Who should go, best first, and why each other technician is not proposed; for
	 * dispatchers and supervisors.
	 */
	public Ranking ranking(Actor actor, OrderFacts order) {
		if (!actor.serves(order.tenantId(), order.projectId())) {
			throw new Forbidden("Not an order of your projects");
		}
		if (!actor.is(Role.DISPATCHER) && !actor.is(Role.SUPERVISOR)) {
			throw new Forbidden("Recommendations are for dispatchers and supervisors");
		}
		return recommendations.assess(order);
	}

	/**
	 * A technician on the board.
	 *
	 * @param id staff id
	 * @param username login
	 * @param name display name
	 * @param phone contact, masked for roles that do not call technicians
	 * @param skills level 1..5 per category
	 * @param status ON_DUTY, BUSY (on site), OFF or LEAVE
	 * @param jobs the order numbers in hand
	 * @param maxOpenJobs how many they may hold
	 * @param position last known position, or {@code null}
	 * @param availability the status read against the roster: on shift, on call, resting
	 * @param nextShift when a resting technician's next regular shift starts, or
	 * {@code null}
	 */
	public record BoardEntry(long id, String username, String name, String phone, Map<Category, Integer> skills,
			TechnicianStatus status, List<String> jobs, int maxOpenJobs, GeoPoint position, Availability availability,
			OffsetDateTime nextShift) {

		static BoardEntry of(Technician t, List<Job> jobs, boolean fullPhone, ZonedDateTime now) {
			boolean onSite = jobs.stream().anyMatch(Job::isOnSite);
			TechnicianStatus status = t.status() == TechnicianStatus.ON_DUTY && onSite ? TechnicianStatus.BUSY
					: t.status();
			Availability availability = t.availability(now, onSite);
			ZonedDateTime next = availability == Availability.RESTING ? t.nextShiftStart(now, true)
					: availability == Availability.ON_CALL ? t.nextShiftStart(now, false) : null;
			return new BoardEntry(t.id(), t.username(), t.name(), fullPhone ? t.phone() : PhoneNumber.mask(t.phone()),
					t.skills(), status, jobs.stream().map(Job::number).toList(), t.maxOpenJobs(), t.position(),
					availability, next == null ? null : next.toOffsetDateTime());
		}

	}

}
