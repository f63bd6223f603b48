package org.suxiu.dispatch.planning;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowVariablesInconsistent;

import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;

/**
 * One order to visit. Times are seconds after the plan's start; the arrival follows from
 * the technician and the visit before it (shadow variables).
 */
@PlanningEntity
public class PlanVisit {

	@PlanningId
	private String id;

	private Grade grade;

	private Category category;

	private GeoPoint site;

	private long serviceSeconds;

	private long readyAt;

	private Long windowEnd;

	private Long arriveBy;

	private Long completeBy;

	private boolean pinned;

	private int place;

	private long unplannedCost;

	private RoadMap roads;

	@InverseRelationShadowVariable(sourceVariableName = "visits")
	private PlanTechnician technician;

	@PreviousElementShadowVariable(sourceVariableName = "visits")
	private PlanVisit previous;

	@ShadowVariable(supplierName = "arrivalSupplier")
	private Long arrival;

	@ShadowVariablesInconsistent
	private boolean inconsistent;

	PlanVisit() {
	}

	/**
	 * @param id the order number
	 * @param grade its grade
	 * @param category repair type
	 * @param site where, or {@code null} if not known
	 * @param serviceSeconds expected work on site
	 * @param readyAt earliest start (now, or an appointment's start)
	 * @param windowEnd latest arrival an appointment allows, or {@code null}
	 * @param arriveBy promised arrival, or {@code null}
	 * @param completeBy promised completion, or {@code null}
	 */
	public PlanVisit(String id, Grade grade, Category category, GeoPoint site, long serviceSeconds, long readyAt,
			Long windowEnd, Long arriveBy, Long completeBy) {
		this.id = id;
		this.grade = grade;
		this.category = category;
		this.site = site;
		this.serviceSeconds = serviceSeconds;
		this.readyAt = readyAt;
		this.windowEnd = windowEnd;
		this.arriveBy = arriveBy;
		this.completeBy = completeBy;
	}

	@ShadowSources({ "technician", "previous.arrival" })
	private Long arrivalSupplier() {
		if (technician == null) {
			return null;
		}
		if (previous == null) {
			return technician.getAvailableAt() + roads.seconds(technician.getPlace(), place);
		}
		Long before = previous.getArrival();
		return before == null ? null : previous.getDeparture() + roads.seconds(previous.place, place);
	}

	void locate(RoadMap roads) {
		this.roads = roads;
		this.place = roads.add(site);
	}

	/**
	 * What leaving the visit out costs: as if it started an hour after {@code horizon},
	 * the end of the last shift in the plan.
	 */
	void leaveOutAfter(long horizon) {
		long start = Math.max(readyAt, horizon + 3600);
		long cost = DayPlanConstraints.waitWeight(grade) * (start - readyAt);
		if (arriveBy != null && start > arriveBy) {
			cost += DayPlanConstraints.lateArrivalCost(grade, start - arriveBy);
		}
		if (completeBy != null && start + serviceSeconds > completeBy) {
			cost += DayPlanConstraints.lateCompletionCost(grade, start + serviceSeconds - completeBy);
		}
		this.unplannedCost = cost;
	}

	public long getUnplannedCost() {
		return unplannedCost;
	}

	void pin() {
		this.pinned = true;
	}

	/** When work starts: on arrival, or at the appointment's start if that is later. */
	public Long getStart() {
		return arrival == null ? null : Math.max(arrival, readyAt);
	}

	public Long getDeparture() {
		return arrival == null ? null : getStart() + serviceSeconds;
	}

	/** Travel from the previous stop (or the technician's start) to this one. */
	public long getTravelSeconds() {
		if (technician == null) {
			return 0;
		}
		return roads.seconds(previous == null ? technician.getPlace() : previous.place, place);
	}

	/**
	 * Emergencies and urgent orders may run past the shift end once the technician is
	 * there.
	 */
	public boolean isUrgent() {
		return grade == Grade.L1 || grade == Grade.L2;
	}

	/**
	 * The moment the shift must not end before: arrival for urgent work, completion
	 * otherwise.
	 */
	public Long getDutyEnd() {
		return isUrgent() ? getStart() : getDeparture();
	}

	public boolean isAssigned() {
		return technician != null && arrival != null;
	}

	public String getId() {
		return id;
	}

	public Grade getGrade() {
		return grade;
	}

	public Category getCategory() {
		return category;
	}

	public GeoPoint getSite() {
		return site;
	}

	public long getServiceSeconds() {
		return serviceSeconds;
	}

	public long getReadyAt() {
		return readyAt;
	}

	public Long getWindowEnd() {
		return windowEnd;
	}

	public Long getArriveBy() {
		return arriveBy;
	}

	public Long getCompleteBy() {
		return completeBy;
	}

	public boolean isPinned() {
		return pinned;
	}

	public PlanTechnician getTechnician() {
		return technician;
	}

	public PlanVisit getPrevious() {
		return previous;
	}

	public Long getArrival() {
		return arrival;
	}

	@Override
	public String toString() {
		return id;
	}

}
