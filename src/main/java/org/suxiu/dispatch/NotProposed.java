package org.suxiu.dispatch;

import java.time.Instant;

/**
 * A technician of the tenant the recommender left out for an order, and why, so the
 * dispatcher is never left guessing why a skilled technician is missing.
 *
 * @param technicianId staff id
 * @param name display name
 * @param reason why they are not proposed
 * @param skillLevel their level in the order's category, 0 without the skill
 * @param jobsInHand jobs they hold now
 * @param maxOpenJobs how many they may hold
 * @param nextShift when their next regular shift starts, if they are outside one
 */
public record NotProposed(long technicianId, String name, Reason reason, int skillLevel, int jobsInHand,
		int maxOpenJobs, Instant nextShift) {

	/** Why a technician is not proposed, in the order the recommender checks. */
	public enum Reason {

		/** No level in the order's category (技能不符). */
		NO_SKILL,
		/** Does not serve the order's project. */
		OTHER_PROJECT,
		/** On leave (请假). */
		ON_LEAVE,
		/** Switched themselves off duty (休息中). */
		OFF_DUTY,
		/** Outside any shift now (休息中, back at {@code nextShift}). */
		OFF_SHIFT,
		/** On call (值班), which takes emergencies and urgent orders only. */
		ON_CALL_URGENT_ONLY,
		/** Holds as many jobs as they may (在手工单已满). */
		FULL

	}

}
