package org.suxiu.dispatch;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;

/**
 * Technicians' skills and weekly shifts as supervisors and administrators set them, for
 * the HTTP API and the administration pages alike.
 */
@Service
public class TechnicianProfiles {

	private final TechnicianDirectory technicians;

	TechnicianProfiles(TechnicianDirectory technicians) {
		this.technicians = technicians;
	}

	/** The tenant's active technicians with their skills and shifts, by username. */
	@Transactional(readOnly = true)
	public List<Profile> profiles(Actor actor) {
		requireSupervisor(actor);
		return technicians.technicians(actor.tenantId()).stream().map(Profile::of).toList();
	}

	/** One technician of the actor's tenant, else 404. */
	@Transactional(readOnly = true)
	public Profile profile(Actor actor, String idOrUsername) {
		return Profile.of(find(actor, idOrUsername));
	}

	/** Replaces the technician's skills; levels are 1 to 5. */
	@Transactional
	public void setSkills(Actor actor, String idOrUsername, Map<Category, Integer> skills) {
		Technician technician = find(actor, idOrUsername);
		requireSupervisor(actor);
		if (skills.values().stream().anyMatch(level -> level == null || level < 1 || level > 5)) {
			throw new InvalidInput("skills", "levels are 1 to 5");
		}
		technicians.setSkills(technician.id(), technician.tenantId(),
				skills.isEmpty() ? new EnumMap<>(Category.class) : new EnumMap<>(skills));
	}

	/** Replaces the technician's weekly shifts. */
	@Transactional
	public void setShifts(Actor actor, String idOrUsername, List<Shift> shifts) {
		Technician technician = find(actor, idOrUsername);
		requireSupervisor(actor);
		if (shifts.stream().anyMatch(s -> s.from() == null || s.to() == null)) {
			throw new InvalidInput("shifts", "each shift needs a start and an end");
		}
		technicians.setShifts(technician.id(), technician.tenantId(), shifts);
	}

	/** Replaces both, or neither. */
	@Transactional
	public void update(Actor actor, String idOrUsername, Map<Category, Integer> skills, List<Shift> shifts) {
		setSkills(actor, idOrUsername, skills);
		setShifts(actor, idOrUsername, shifts);
	}

	Technician find(Actor actor, String id) {
		if (actor.tenantId() == null) {
			throw new NotFound("Technician", id);
		}
		return technicians.technician(actor.tenantId(), id).orElseThrow(() -> new NotFound("Technician", id));
	}

	private static void requireSupervisor(Actor actor) {
		if (!actor.is(Role.SUPERVISOR) && !actor.is(Role.ADMIN)) {
			throw new Forbidden("Skills and shifts are set by supervisors and administrators");
		}
	}

	/**
	 * A technician's skills and shifts.
	 *
	 * @param id staff id
	 * @param username login
	 * @param name display name
	 * @param skills level 1..5 per category
	 * @param shifts weekly shifts
	 */
	public record Profile(long id, String username, String name, Map<Category, Integer> skills, List<Shift> shifts) {

		static Profile of(Technician t) {
			return new Profile(t.id(), t.username(), t.name(), t.skills(), t.shifts());
		}

	}

}
