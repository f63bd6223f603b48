package org.suxiu.dispatch.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;

/**
 * A technician on shift and the route of visits planned for them. The first
 * {@code pinned} visits are work already in their hands (taken or dispatched): the
 * planner leaves them where they are and plans after them.
 */
@PlanningEntity
public class PlanTechnician {

	@PlanningId
	private Long id;

	private String name;

	private Map<Category, Integer> skills;

	private GeoPoint start;

	private long availableAt;

	private long shiftEnd;

	private int capacity;

	private int place;

	@PlanningPinToIndex
	private int pinned;

	@PlanningListVariable(allowsUnassignedValues = true)
	private List<PlanVisit> visits = new ArrayList<>();

	PlanTechnician() {
	}

	/**
	 * @param id staff id
	 * @param name display name
	 * @param skills category → level 1..5
	 * @param start where they set off from (after the job on site now), or {@code null}
	 * @param availableAt seconds after the plan's start when they can set off
	 * @param shiftEnd seconds after the plan's start when their shift ends
	 * @param capacity how many visits their route may hold, the pinned ones included
	 */
	public PlanTechnician(long id, String name, Map<Category, Integer> skills, GeoPoint start, long availableAt,
			long shiftEnd, int capacity) {
		this.id = id;
		this.name = name;
		this.skills = Map.copyOf(skills);
		this.start = start;
		this.availableAt = availableAt;
		this.shiftEnd = shiftEnd;
		this.capacity = capacity;
	}

	/** Puts work already in hand at the end of the pinned part of the route. */
	public void pin(PlanVisit visit) {
		if (visits.size() != pinned) {
			throw new IllegalStateException("pin visits before planning");
		}
		visit.pin();
		visits.add(visit);
		pinned++;
	}

	void locate(RoadMap roads) {
		this.place = roads.add(start);
	}

	public int level(Category category) {
		return skills.getOrDefault(category, 0);
	}

	/** Visits beyond what the technician may hold. */
	public int getExcessVisits() {
		return Math.max(0, visits.size() - Math.max(capacity, pinned));
	}

	/** Travel of the whole route, in seconds. */
	public long getTravelSeconds() {
		return visits.stream().mapToLong(PlanVisit::getTravelSeconds).sum();
	}

	/** When the last visit is done (or when they are free, with nothing planned). */
	public long getRouteEnd() {
		if (visits.isEmpty()) {
			return availableAt;
		}
		Long end = visits.get(visits.size() - 1).getDeparture();
		return end == null ? availableAt : end;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public GeoPoint getStart() {
		return start;
	}

	public long getAvailableAt() {
		return availableAt;
	}

	public long getShiftEnd() {
		return shiftEnd;
	}

	public int getCapacity() {
		return capacity;
	}

	int getPlace() {
		return place;
	}

	public int getPinned() {
		return pinned;
	}

	public List<PlanVisit> getVisits() {
		return visits;
	}

	@Override
	public String toString() {
		return name;
	}

}
