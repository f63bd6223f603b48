package org.suxiu.dispatch;

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

	TechnicianBoard(TechnicianDirectory technicians, Recommendations recommendations) {
		this.technicians = technicians;
		this.recommendations = recommendations;
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
		return technicians.technicians(actor.tenantId())
			.stream()
			.filter(t -> projectId == null || t.serves(projectId))
			.map(t -> BoardEntry.of(t, jobs.getOrDefault(t.id(), List.of()), fullPhones))
			.toList();
	}

	/** Who should go to the order, best first; for dispatchers and supervisors. */
	public List<Proposal> proposals(Actor actor, OrderFacts order) {
		if (!actor.serves(order.tenantId(), order.projectId())) {
			throw new Forbidden("Not an order of your projects");
		}
		if (!actor.is(Role.DISPATCHER) && !actor.is(Role.SUPERVISOR)) {
			throw new Forbidden("Recommendations are for dispatchers and supervisors");
		}
		return recommendations.rank(order);
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
	 */
	public record BoardEntry(long id, String username, String name, String phone, Map<Category, Integer> skills,
			TechnicianStatus status, List<String> jobs, int maxOpenJobs, GeoPoint position) {

		static BoardEntry of(Technician t, List<Job> jobs, boolean fullPhone) {
			TechnicianStatus status = t.status() == TechnicianStatus.ON_DUTY && jobs.stream().anyMatch(Job::isOnSite)
					? TechnicianStatus.BUSY : t.status();
			return new BoardEntry(t.id(), t.username(), t.name(), fullPhone ? t.phone() : PhoneNumber.mask(t.phone()),
					t.skills(), status, jobs.stream().map(Job::number).toList(), t.maxOpenJobs(), t.position());
		}

	}

}
