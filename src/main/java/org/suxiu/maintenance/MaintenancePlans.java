package org.suxiu.maintenance;

import java.time.YearMonth;
import java.util.List;

import org.suxiu.shared.Actor;

/**
 * The maintenance module's one way in for the API and the pages. Plans are kept by ADMIN,
 * MANAGER and SUPERVISOR and read by the project's staff; another company's plan answers
 * as unknown (404).
 */
public interface MaintenancePlans {

	PlanView create(Actor actor, NewPlan plan);

	/** The project's plans, or one asset's when {@code assetId} is given. */
	List<PlanView> list(Actor actor, String projectCode, Long assetId);

	PlanView read(Actor actor, long planId);

	/** The work the plan generated, latest first. */
	List<PlanWork> work(Actor actor, long planId);

	/**
	 * Records a meter reading on a METER plan; when the meter has run far enough, the
	 * plan's work is raised at once (once a day at most).
	 */
	PlanView recordReading(Actor actor, long planId, long value);

	/**
	 * Compliance per kind of equipment and interval for the month ({@code null}: this
	 * month), counting work planned up to today.
	 */
	List<ComplianceLine> compliance(Actor actor, String projectCode, YearMonth month);

}
