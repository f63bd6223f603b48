package org.suxiu.notification;

import java.util.List;

/**
 * The messages the system sends, one template each per language. {@code segments} is how
 * many SMS segments the Chinese text may take (English may take one more); the
 * {@code elastic} parameters are free text that is shortened, never the facts, when a
 * text would need more.
 */
enum Kind {

	/** The technician's new job: order, grade, place, fault, deadline, owner's phone. */
	TECH_NEW_JOB(2, List.of("fault", "place")),

	/** A job the technician had was cancelled. */
	TECH_JOB_CANCELLED(1, List.of("place")),

	/** The owner's dispatch notice: who is coming, their number, and when. */
	OWNER_DISPATCHED(1, List.of()),

	/** The technician is at the door. */
	OWNER_ARRIVED(1, List.of()),

	/** Done: a link to accept and rate. */
	OWNER_COMPLETED(1, List.of()),

	/** A new visit window, with an apology (R7). */
	OWNER_RESCHEDULED(1, List.of()),

	/**
	 * The technician was called away to an emergency mid-job: an apology, and they will
	 * be back.
	 */
	OWNER_INTERRUPTED(1, List.of()),

	/** The technician will be late: an apology (R7). */
	OWNER_LATE_APOLOGY(1, List.of()),

	/** The reporter's order was cancelled. */
	REPORTER_CANCELLED(1, List.of("reason")),

	/** A share of an SLA limit has passed. */
	SUPERVISOR_SLA_WARNING(2, List.of("place")),

	/** An SLA limit was broken. */
	SUPERVISOR_SLA_BREACH(2, List.of("place")),

	/** A breach went up the escalation ladder to a manager. */
	STAFF_ESCALATED(2, List.of("place")),

	/** A message could not be delivered: the administrator should look. */
	ADMIN_DELIVERY_FAILED(2, List.of("error")),

	/** A quote waits for the owner's consent: the amount and the one-time link. */
	OWNER_QUOTE(2, List.of()),

	/** A payment was recorded: the amount, how, and the receipt number. */
	OWNER_RECEIPT(1, List.of()),

	/**
	 * The owner hurried an order (催单): dispatchers hear of the first, supervisors too
	 * from the second.
	 */
	STAFF_HURRIED(1, List.of("place")),

	/** A material fell to its low-stock mark. */
	SUPERVISOR_LOW_STOCK(1, List.of("item")),

	/**
	 * A complaint moved on: opened, answered, resolved or closed (to the complainant).
	 */
	OWNER_COMPLAINT(1, List.of("words")),

	/** A complaint was opened or passed to this supervisor: answer it by the deadline. */
	SUPERVISOR_COMPLAINT(2, List.of("description", "place")),

	/** A complaint's clock ran out (to its supervisor and the project's managers). */
	STAFF_COMPLAINT_ESCALATED(2, List.of("place")),
	/** Emergencies of a project outnumber the technicians free to take them. */
	SUPERVISOR_SURGE(2, List.of("place")),

	/** A project's monthly report (月报) is ready to read. */
	MANAGER_MONTHLY_REPORT(2, List.of("project")),

	/** A one-time sign-in code. */
	SIGN_IN_CODE(1, List.of()),

	/**
	 * Too many wrong passwords locked the account: if it was not them, somebody is
	 * guessing.
	 */
	ACCOUNT_LOCKED(1, List.of()),

	/** A notice to every owner of a building (停水通知): the property company's words. */
	BUILDING_NOTICE(3, List.of("text"));

	private final int segments;

	private final List<String> elastic;

	Kind(int segments, List<String> elastic) {
		this.segments = segments;
		this.elastic = elastic;
	}

	/** How many SMS segments a text in this language may take. */
	int segments(String locale) {
		return Languages.isChinese(locale) ? segments : segments + 1;
	}

	List<String> elastic() {
		return elastic;
	}

}
