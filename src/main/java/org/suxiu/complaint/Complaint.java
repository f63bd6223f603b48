package org.suxiu.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Role;

/**
 * One complaint: it alone decides which step is allowed, by whom and from which status,
 * and records each step as a line and an event.
 */
class Complaint {

	static final String SYSTEM = "system";

	Long id;

	long tenantId;

	long projectId;

	String projectCode;

	String number;

	Long technicianId;

	String technicianName;

	Category category;

	Long ownerId;

	String complainantName;

	String complainantPhone;

	ComplaintChannel channel;

	String description;

	ComplaintStatus status;

	Long supervisorId;

	String supervisorName;

	Instant openedAt;

	String openedBy;

	Instant respondBy;

	Instant resolveBy;

	Instant respondedAt;

	String response;

	Instant resolvedAt;

	String resolution;

	Instant closedAt;

	ClosedHow closedHow;

	String closeReason;

	boolean respondEscalated;

	boolean resolveEscalated;

	int version;

	private final List<Step> newSteps = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	/**
	 * One line of the complaint's steps, and the same for the order's history.
	 *
	 * @param action {@code open}, {@code assign}, {@code respond}, {@code resolve},
	 * {@code reject}, {@code escalate} or {@code close}
	 * @param actor username, or {@code system}
	 * @param role the actor's role
	 */
	record Step(Instant at, String action, String actor, String role, String note) {
	}

	void open(String by, String role, Instant now) {
		status = ComplaintStatus.OPEN;
		openedAt = now;
		openedBy = by;
		step("open", by, role, description, now);
	}

	/** Announces the opening once the complaint has its id. */
	void opened() {
		events.add(new ComplaintOpened(id, tenantId, projectId, number, technicianId, category, channel, supervisorId,
				respondBy, resolveBy, openedAt));
	}

	void assign(Actor actor, long supervisor, String name, Instant now) {
		requireRole(actor, "assign", Role.SUPERVISOR, Role.MANAGER);
		requireOpen("assign");
		supervisorId = supervisor;
		supervisorName = name;
		step("assign", actor, "→ " + name, now);
		updated("assign", actor, now);
	}

	void respond(Actor actor, String note, Instant now) {
		requireRole(actor, "respond", Role.SUPERVISOR, Role.MANAGER);
		require("respond", ComplaintStatus.OPEN);
		status = ComplaintStatus.RESPONDED;
		respondedAt = now;
		response = note;
		step("respond", actor, note, now);
		updated("respond", actor, now);
	}

	void resolve(Actor actor, String what, Instant now) {
		requireRole(actor, "resolve", Role.SUPERVISOR, Role.MANAGER);
		require("resolve", ComplaintStatus.OPEN, ComplaintStatus.RESPONDED);
		if (respondedAt == null) {
			respondedAt = now;
		}
		status = ComplaintStatus.RESOLVED;
		resolvedAt = now;
		resolution = what;
		step("resolve", actor, what, now);
		updated("resolve", actor, now);
	}

	/** The owner does not accept the resolution: back to the supervisor. */
	void reject(Actor actor, String reason, Instant now) {
		if (!isComplainant(actor)) {
			throw new Forbidden("only the owner who complained may refuse the resolution");
		}
		require("reject", ComplaintStatus.RESOLVED);
		status = ComplaintStatus.RESPONDED;
		resolvedAt = null;
		step("reject", actor, reason, now);
		updated("reject", actor, now);
	}

	/**
	 * Closes with the owner's confirmation (the owner signed in, or an agent on a call
	 * with them) once resolved, or by a manager's override with a reason at any time.
	 */
	void close(Actor actor, boolean confirmedOnCall, String reason, Instant now) {
		if (isComplainant(actor)) {
			require("close", ComplaintStatus.RESOLVED);
			closedHow = ClosedHow.OWNER_CONFIRMED;
		}
		else if (actor.is(Role.AGENT) && confirmedOnCall) {
			require("close", ComplaintStatus.RESOLVED);
			closedHow = ClosedHow.CONFIRMED_ON_CALL;
		}
		else if (actor.is(Role.MANAGER)) {
			require("close", ComplaintStatus.OPEN, ComplaintStatus.RESPONDED, ComplaintStatus.RESOLVED);
			if (reason == null) {
				throw new org.suxiu.shared.InvalidInput("reason", "a manager closing without the owner gives a reason");
			}
			closedHow = ClosedHow.MANAGER_OVERRIDE;
		}
		else {
			throw new Forbidden(
					"a complaint is closed by the owner's confirmation (the owner, or an agent on a call with "
							+ "ownerConfirmed) or a manager's override");
		}
		status = ComplaintStatus.CLOSED;
		closedAt = now;
		closeReason = reason;
		String line = switch (closedHow) {
			case OWNER_CONFIRMED -> "业主确认解决 confirmed by the owner";
			case CONFIRMED_ON_CALL -> "业主电话确认解决 the owner confirmed on a call";
			case MANAGER_OVERRIDE -> "经理关闭 closed by the manager";
		};
		step("close", actor, line + (reason == null ? "" : ": " + reason), now);
		events.add(new ComplaintClosed(id, tenantId, projectId, number, technicianId, category, channel, closedHow,
				openedAt, respondedAt, resolvedAt, respondedAt != null && !respondedAt.isAfter(respondBy),
				resolvedAt != null && !resolvedAt.isAfter(resolveBy), now));
	}

	/**
	 * The clock ran out before its step: marked once, with a system line and the event.
	 * @return whether it escalated (not when the step was taken in time or it is closed)
	 */
	boolean escalate(String clock, Instant now) {
		boolean respond = "respond".equals(clock);
		boolean pending = respond ? status == ComplaintStatus.OPEN
				: status == ComplaintStatus.OPEN || status == ComplaintStatus.RESPONDED;
		if (!pending || (respond ? respondEscalated : resolveEscalated)) {
			return false;
		}
		if (respond) {
			respondEscalated = true;
		}
		else {
			resolveEscalated = true;
		}
		Instant deadline = respond ? respondBy : resolveBy;
		step("escalate", SYSTEM, "SYSTEM", (respond ? "投诉超时未回复，已升级 not answered in time; escalated"
				: "投诉超时未解决，已升级 not resolved in time; escalated") + " (" + clock + ")", now);
		events.add(new ComplaintEscalated(id, tenantId, projectId, number, technicianId, clock, deadline, supervisorId,
				now));
		return true;
	}

	boolean isComplainant(Actor actor) {
		return actor.is(Role.OWNER) && ownerId != null && ownerId == actor.id();
	}

	boolean isVisibleTo(Actor actor) {
		if (actor.is(Role.OWNER)) {
			return isComplainant(actor);
		}
		return !actor.is(Role.TECHNICIAN) && actor.serves(tenantId, projectId);
	}

	List<Step> newSteps() {
		return List.copyOf(newSteps);
	}

	List<Object> events() {
		return List.copyOf(events);
	}

	private void updated(String step, Actor actor, Instant now) {
		events.add(new ComplaintUpdated(id, tenantId, projectId, number, step, status, supervisorId, actor.username(),
				now));
	}

	private void require(String action, ComplaintStatus... allowed) {
		if (!Set.of(allowed).contains(status)) {
			throw ComplaintRefused.illegal(id, action, status);
		}
	}

	private void requireOpen(String action) {
		require(action, ComplaintStatus.OPEN, ComplaintStatus.RESPONDED, ComplaintStatus.RESOLVED);
	}

	private static void requireRole(Actor actor, String action, Role... roles) {
		if (!Set.of(roles).contains(actor.role())) {
			throw new Forbidden("'" + action + "' is for " + Set.of(roles));
		}
	}

	private void step(String action, Actor actor, String note, Instant now) {
		step(action, actor.username(), actor.role().name(), note, now);
	}

	private void step(String action, String by, String role, String note, Instant now) {
		newSteps.add(new Step(now, action, by, role, note));
	}

}
