package org.suxiu.workorder.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.suxiu.property.Site;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.Role;
import org.suxiu.workorder.Appointment;
import org.suxiu.workorder.Assignee;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.GradeSource;
import org.suxiu.workorder.HistoryEntry;
import org.suxiu.workorder.IllegalTransition;
import org.suxiu.workorder.PersonRescued;
import org.suxiu.workorder.Reporter;
import org.suxiu.workorder.ReworkCheck;
import org.suxiu.workorder.ReworkJudged;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.TechnicianArrived;
import org.suxiu.workorder.WorkAccepted;
import org.suxiu.workorder.WorkCompleted;
import org.suxiu.workorder.WorkOrderAutoAccepted;
import org.suxiu.workorder.WorkOrderCancelled;
import org.suxiu.workorder.WorkOrderClosed;
import org.suxiu.workorder.WorkOrderClosedWithoutCall;
import org.suxiu.workorder.WorkOrderCreated;
import org.suxiu.workorder.WorkOrderDeclined;
import org.suxiu.workorder.WorkOrderDispatched;
import org.suxiu.workorder.WorkOrderEvent;
import org.suxiu.workorder.WorkOrderHeld;
import org.suxiu.workorder.WorkOrderInterrupted;
import org.suxiu.workorder.WorkOrderRegraded;
import org.suxiu.workorder.WorkOrderReopened;
import org.suxiu.workorder.WorkOrderHurried;
import org.suxiu.workorder.WorkOrderRescheduled;
import org.suxiu.workorder.WorkOrderResumed;
import org.suxiu.workorder.WorkOrderTaken;
import org.suxiu.workorder.WorkStarted;

/**
 * The work order aggregate: it alone decides which action is allowed, by whom and from
 * which status, and records each change in its history and as an event.
 */
class WorkOrder {

	/** The actor of lines the system writes, such as SLA warnings. */
	static final String SYSTEM = "system";

	private static final String API = "API";

	/** The start of a hold reason that pauses the completion clock (see sla). */
	static final String WAITING_OWNER = "WAITING_OWNER";

	final Long id;

	/** How long ahead an owner must move an appointment. */
	static final Duration OWNER_NOTICE = Duration.ofHours(2);

	/** How far ahead an owner may move it. */
	static final Duration OWNER_HORIZON = Duration.ofDays(30);

	/** The widest window an owner may choose. */
	static final Duration OWNER_LONGEST_WINDOW = Duration.ofHours(4);

	final String number;

	final long tenantId;

	final Site site;

	final Category category;

	final Channel channel;

	final String description;

	final Reporter reporter;

	final Long reporterOwnerId;

	final String createdBy;

	final Instant reportedAt;

	final Instant createdAt;

	/** The earlier order this one reworks (reopened, or flagged and not dismissed). */
	String reworkOf;

	/**
	 * The system's rework flag and a person's judgement of it, or {@code null}; the flag
	 * itself is set beside the aggregate ({@link ReworkWatch}), so only a judgement
	 * writes these two back.
	 */
	ReworkCheck reworkCheck;

	boolean reworkJudged;

	/** The version read, and after a successful update the version stored. */
	int version;

	Status status;

	Grade grade;

	GradeSource gradeSource;

	/** The automatic grade's signals disagreed and no person has confirmed it yet. */
	boolean gradeUncertain;

	/** Why the automatic grade is what it is (JSON, for staff), or null. */
	String gradeExplanation;

	Assignee assignee;

	Appointment appointment;

	Instant updatedAt;

	String holdReason;

	String resolution;

	Integer rating;

	String ratingComment;

	Boolean satisfied;

	String reworkNumber;

	/** When the people trapped in a lift were freed; only on an entrapment order. */
	Instant rescuedAt;

	/** The equipment at fault (asset module's id), or null. */
	Long assetId;

	private final List<HistoryEntry> newHistory = new ArrayList<>();

	private final List<WorkOrderEvent> events = new ArrayList<>();

	WorkOrder(Long id, String number, long tenantId, Site site, Category category, Channel channel, String description,
			Reporter reporter, Long reporterOwnerId, String createdBy, Instant reportedAt, Instant createdAt,
			String reworkOf, int version) {
		this.id = id;
		this.number = number;
		this.tenantId = tenantId;
		this.site = site;
		this.category = category;
		this.channel = channel;
		this.description = description;
		this.reporter = reporter;
		this.reporterOwnerId = reporterOwnerId;
		this.createdBy = createdBy;
		this.reportedAt = reportedAt;
		this.createdAt = createdAt;
		this.reworkOf = reworkOf;
		this.version = version;
	}

	/**
	 * A new order as taken in; {@code actor} is the reporting owner or the staff member
	 * entering it.
	 */
	static WorkOrder intake(String number, Site site, Category category, Channel channel, String description,
			Reporter reporter, Long reporterOwnerId, Actor actor, Grade grade, GradeSource gradeSource,
			GradeNote gradeNote, Appointment appointment, Instant reportedAt, Instant now, String reworkOf) {
		return intake(number, site, category, channel, description, reporter, reporterOwnerId, actor.username(),
				actor.role().name(), grade, gradeSource, gradeNote, appointment, reportedAt, now, reworkOf);
	}

	/**
	 * A new order as taken in by {@code by} in {@code role}: a person, or the system
	 * ({@code device:…}, {@code plan:…} as {@code SYSTEM}).
	 */
	static WorkOrder intake(String number, Site site, Category category, Channel channel, String description,
			Reporter reporter, Long reporterOwnerId, String by, String role, Grade grade, GradeSource gradeSource,
			GradeNote gradeNote, Appointment appointment, Instant reportedAt, Instant now, String reworkOf) {
		WorkOrder order = new WorkOrder(null, number, site.project().tenantId(), site, category, channel, description,
				reporter, reporterOwnerId, by, reportedAt, now, reworkOf, 0);
		order.status = Status.NEW;
		order.grade = grade;
		order.gradeSource = gradeSource;
		order.gradeUncertain = gradeSource == GradeSource.AUTO && gradeNote.uncertain();
		order.gradeExplanation = gradeSource == GradeSource.AUTO ? gradeNote.explanation() : null;
		order.appointment = appointment;
		order.updatedAt = now;
		String note = (reworkOf == null ? "" : "返修 rework of " + reworkOf + "; ") + grade + " "
				+ (gradeSource == GradeSource.AUTO ? "自动分级 auto: " + gradeNote.line() : "人工分级 manual");
		order.newHistory
			.add(new HistoryEntry(now, "create", by, role, null, Status.NEW.name(), note, channel.name(), null));
		order.events.add(new WorkOrderCreated(number, order.tenantId, site.project().id(), grade, category, channel,
				reportedAt, reworkOf, appointment == null ? null : appointment.from().toInstant(),
				appointment == null ? null : appointment.to().toInstant(), now));
		return order;
	}

	long projectId() {
		return site.project().id();
	}

	boolean isReportedBy(Actor actor) {
		return actor.is(Role.OWNER) && reporterOwnerId != null && reporterOwnerId == actor.id();
	}

	boolean isAssignedTo(Actor actor) {
		return actor.is(Role.TECHNICIAN) && assignee != null && assignee.id() == actor.id();
	}

	/**
	 * Owners see what they reported; technicians their own jobs (and what they reported
	 * on an inspection round); other staff what lies in the projects they serve. The grab
	 * pool's offers are added by {@link WorkOrders#mayView}.
	 */
	boolean isVisibleTo(Actor actor) {
		if (actor.is(Role.TECHNICIAN)) {
			return actor.serves(tenantId, projectId()) && (isAssignedTo(actor) || actor.username().equals(createdBy));
		}
		return isReportedBy(actor) || actor.serves(tenantId, projectId());
	}

	/**
	 * Refuses a dispatch by the wrong role or from the wrong status before a technician
	 * is looked up.
	 */
	Status checkDispatch(Actor actor) {
		requireRole(actor, "dispatch", Role.DISPATCHER, Role.SUPERVISOR);
		return require("dispatch", Status.NEW, Status.DISPATCHED);
	}

	void dispatch(Actor actor, Assignee technician, String note, Instant now) {
		Status from = checkDispatch(actor);
		Long previous = assignee == null ? null : assignee.id();
		assignee = technician;
		String line = "→ " + technician.name() + (note == null ? "" : "; " + note);
		move(actor, "dispatch", from, Status.DISPATCHED, line, now);
		events.add(new WorkOrderDispatched(number, tenantId, projectId(), grade, category, technician.id(),
				actor.username(), now, previous));
	}

	/**
	 * The system dispatches an emergency nobody dispatched in time, to the first
	 * recommendation.
	 */
	void dispatchAutomatically(Assignee technician, String reasons, Instant now) {
		Status from = require("dispatch", Status.NEW);
		assignee = technician;
		status = Status.DISPATCHED;
		recordSystem("dispatch", from.name(), Status.DISPATCHED.name(),
				"自动派工 auto-dispatch → " + technician.name() + "; " + reasons, now);
		events.add(new WorkOrderDispatched(number, tenantId, projectId(), grade, category, technician.id(), SYSTEM, now,
				null));
	}

	/** A technician going off duty or on leave hands back a job they have not started. */
	void handBack(String reason, Instant now) {
		Status from = require("hand-back", Status.DISPATCHED, Status.TAKEN);
		long technician = assignee.id();
		assignee = null;
		status = Status.NEW;
		recordSystem("hand-back", from.name(), Status.NEW.name(), reason, now);
		events.add(new WorkOrderDeclined(number, tenantId, technician, reason, now));
	}

	/**
	 * An emergency takes the technician away from this job: it waits on hold, its clocks
	 * still running, until the technician resumes it.
	 */
	void interrupt(String emergency, Instant now) {
		Status from = require("interrupt", Status.ARRIVED, Status.IN_PROGRESS);
		status = Status.ON_HOLD;
		holdReason = "PREEMPTED " + emergency;
		recordSystem(
				"interrupt", from.name(), Status.ON_HOLD.name(), "技术员被紧急工单 " + emergency
						+ " 调走，时限继续计算 technician called away to emergency " + emergency + "; the clocks keep running",
				now);
		events.add(new WorkOrderHeld(number, tenantId, holdReason, now));
		events.add(new WorkOrderInterrupted(number, tenantId, assignee.id(), emergency, now));
	}

	/**
	 * A quote with paid items waits for the owner's consent: the job is held with a
	 * {@code WAITING_OWNER} reason, so its completion clock pauses as for any wait for
	 * the owner.
	 */
	void awaitOwner(String reason, Instant now) {
		Status from = require("await-owner", Status.ARRIVED, Status.IN_PROGRESS, Status.ON_HOLD);
		if (from == Status.ON_HOLD && holdReason != null && holdReason.startsWith(WAITING_OWNER)) {
			return;
		}
		status = Status.ON_HOLD;
		holdReason = WAITING_OWNER + " " + reason;
		recordSystem("await-owner", from.name(), Status.ON_HOLD.name(), reason, now);
		events.add(new WorkOrderHeld(number, tenantId, holdReason, now));
	}

	/**
	 * The owner answered the quote: a job held for them goes on; any other status is left
	 * as it is.
	 * @return whether the job was resumed
	 */
	boolean resumeAfterConsent(String note, Instant now) {
		if (status != Status.ON_HOLD || holdReason == null || !holdReason.startsWith(WAITING_OWNER)) {
			return false;
		}
		status = Status.IN_PROGRESS;
		holdReason = null;
		recordSystem("resume", Status.ON_HOLD.name(), Status.IN_PROGRESS.name(), note, now);
		events.add(new WorkOrderResumed(number, tenantId, now));
		return true;
	}

	/**
	 * A technician claims an order from the grab pool: dispatched to themselves and taken
	 * in one step. Whoever stores first wins; the others meet a changed version.
	 */
	void grab(Actor actor, Assignee self, Instant now) {
		requireRole(actor, "grab", Role.TECHNICIAN);
		Status from = require("grab", Status.NEW);
		assignee = self;
		move(actor, "grab", from, Status.TAKEN, "抢单 grabbed from the pool → " + self.name(), now);
		events.add(new WorkOrderDispatched(number, tenantId, projectId(), grade, category, self.id(), actor.username(),
				now, null));
		events.add(new WorkOrderTaken(number, tenantId, actor.id(), now));
	}

	void take(Actor actor, String note, Instant now) {
		requireAssignee(actor, "take");
		move(actor, "take", require("take", Status.DISPATCHED), Status.TAKEN, note, now);
		events.add(new WorkOrderTaken(number, tenantId, actor.id(), now));
	}

	void decline(Actor actor, String reason, Instant now) {
		requireAssignee(actor, "decline");
		Status from = require("decline", Status.DISPATCHED);
		long technician = assignee.id();
		assignee = null;
		move(actor, "decline", from, Status.NEW, reason, now);
		events.add(new WorkOrderDeclined(number, tenantId, technician, reason, now));
	}

	void arrive(Actor actor, String note, Instant now) {
		requireAssignee(actor, "arrive");
		move(actor, "arrive", require("arrive", Status.TAKEN), Status.ARRIVED, note, now);
		events.add(new TechnicianArrived(number, tenantId, actor.id(), now));
	}

	void start(Actor actor, String note, Instant now) {
		requireAssignee(actor, "start");
		move(actor, "start", require("start", Status.ARRIVED), Status.IN_PROGRESS, note, now);
		events.add(new WorkStarted(number, tenantId, actor.id(), now));
	}

	/** An emergency in a lift: people may be trapped, and freeing them is a milestone. */
	boolean isEntrapment() {
		return grade == Grade.L1 && category == Category.ELEVATOR;
	}

	/**
	 * The people trapped are out (被困人员已解救): recorded once, by the technician on site,
	 * without changing the status (the lift itself may still need repair).
	 */
	void rescue(Actor actor, String note, Instant now) {
		requireAssignee(actor, "rescue");
		if (!isEntrapment()) {
			throw new BusinessRuleViolation("not-an-entrapment",
					"Order " + number + " is not a lift emergency (L1 ELEVATOR); nobody is trapped to be freed");
		}
		require("rescue", Status.ARRIVED, Status.IN_PROGRESS);
		if (rescuedAt != null) {
			throw IllegalTransition.alreadyDone(number, "rescue");
		}
		rescuedAt = now;
		record(actor, "rescue", status.name(), status.name(),
				note == null || note.isBlank() ? "被困人员已解救 people freed" : note, now);
		events.add(new PersonRescued(number, tenantId, actor.id(), reportedAt, now));
	}

	void hold(Actor actor, String reason, Instant now) {
		requireAssigneeOrSupervisor(actor, "hold");
		move(actor, "hold", require("hold", Status.IN_PROGRESS), Status.ON_HOLD, reason, now);
		holdReason = reason;
		events.add(new WorkOrderHeld(number, tenantId, reason, now));
	}

	void resume(Actor actor, String note, Instant now) {
		requireAssigneeOrSupervisor(actor, "resume");
		move(actor, "resume", require("resume", Status.ON_HOLD), Status.IN_PROGRESS, note, now);
		holdReason = null;
		events.add(new WorkOrderResumed(number, tenantId, now));
	}

	void complete(Actor actor, String resolution, Instant now) {
		requireAssignee(actor, "complete");
		move(actor, "complete", require("complete", Status.IN_PROGRESS), Status.COMPLETED, resolution, now);
		this.resolution = resolution;
		events.add(new WorkCompleted(number, tenantId, actor.id(), now));
	}

	/**
	 * Nobody accepted the completed work in time: the system does, without a rating.
	 * @return whether it was still waiting for acceptance
	 */
	boolean autoAccept(String note, Instant now) {
		if (status != Status.COMPLETED) {
			return false;
		}
		status = Status.ACCEPTED;
		recordSystem("auto-accept", Status.COMPLETED.name(), Status.ACCEPTED.name(), note, now);
		events.add(new WorkOrderAutoAccepted(number, tenantId, now));
		return true;
	}

	void accept(Actor actor, int rating, String comment, Instant now) {
		requireReporterOrAgent(actor, "accept");
		Status from = require("accept", Status.COMPLETED);
		this.rating = rating;
		this.ratingComment = comment;
		move(actor, "accept", from, Status.ACCEPTED, rating + "★" + (comment == null ? "" : " " + comment), now);
		events.add(new WorkAccepted(number, tenantId, rating, now));
	}

	/**
	 * The repair did not hold: this order closes pointing at the rework order, which the
	 * caller creates with {@link #intake} and {@code reworkOf} set to this number. Before
	 * acceptance, or after it within the warranty window (the caller checks the window).
	 */
	void reopen(Actor actor, String reason, String reworkNumber, Instant now) {
		Status from = checkReopen(actor);
		this.reworkNumber = reworkNumber;
		move(actor, "reopen", from, Status.CLOSED, "返修 rework " + reworkNumber + ": " + reason, now);
		events.add(new WorkOrderReopened(number, tenantId, reworkNumber, now));
	}

	/**
	 * Refuses a reopen by the wrong person or from the wrong status before the rework
	 * order exists; an order reopened once points at its rework order already.
	 */
	Status checkReopen(Actor actor) {
		requireReporterOrAgent(actor, "reopen");
		Status from = require("reopen", Status.COMPLETED, Status.ACCEPTED, Status.CLOSED);
		if (reworkNumber != null) {
			throw IllegalTransition.alreadyDone(number, "reopen");
		}
		return from;
	}

	/**
	 * Closes an accepted order without a call: not chosen for one ({@code actor} null,
	 * the system) or the owner not reached after the last try.
	 * @return whether it was still ACCEPTED
	 */
	boolean closeWithoutCall(Actor actor, String why, String note, Instant now) {
		if (status != Status.ACCEPTED) {
			return false;
		}
		status = Status.CLOSED;
		if (actor == null) {
			recordSystem("close", Status.ACCEPTED.name(), Status.CLOSED.name(), note, now);
		}
		else {
			record(actor, "close", Status.ACCEPTED.name(), Status.CLOSED.name(), note, now);
		}
		events.add(new WorkOrderClosedWithoutCall(number, tenantId, why, now));
		return true;
	}

	/** A person confirms the probable rework, or dismisses it and the link goes. */
	void judgeRework(Actor actor, boolean confirmed, String note, Instant now) {
		requireRole(actor, confirmed ? "confirm-rework" : "dismiss-rework", Role.AGENT, Role.DISPATCHER,
				Role.SUPERVISOR);
		if (reworkCheck != ReworkCheck.PROBABLE) {
			throw new IllegalTransition(number, confirmed ? "confirm-rework" : "dismiss-rework", status);
		}
		String earlier = reworkOf;
		reworkJudged = true;
		reworkCheck = confirmed ? ReworkCheck.CONFIRMED : ReworkCheck.DISMISSED;
		if (!confirmed) {
			reworkOf = null;
		}
		String line = (confirmed ? "确认返修 confirmed as rework of " : "不是返修 not rework of ") + earlier
				+ (note == null ? "" : ": " + note);
		record(actor, confirmed ? "rework-confirm" : "rework-dismiss", ReworkCheck.PROBABLE.name(), reworkCheck.name(),
				line, now);
		events
			.add(new ReworkJudged(number, tenantId, projectId(), earlier, category, confirmed, actor.username(), now));
	}

	void followUp(Actor actor, boolean satisfied, String note, Instant now) {
		requireRole(actor, "follow-up", Role.AGENT);
		Status from = require("follow-up", Status.ACCEPTED);
		this.satisfied = satisfied;
		String line = (satisfied ? "满意 satisfied" : "不满意 complaint") + (note == null ? "" : ": " + note);
		move(actor, "follow-up", from, Status.CLOSED, line, now);
		events.add(new WorkOrderClosed(number, tenantId, satisfied, now));
	}

	void cancel(Actor actor, String reason, Instant now) {
		// the staff member who entered it may take it back too (an administrator's test
		// order)
		boolean enteredIt = actor.isStaff() && actor.username().equals(createdBy);
		if (!isReportedBy(actor) && !enteredIt && !actor.is(Role.AGENT) && !actor.is(Role.DISPATCHER)) {
			throw new Forbidden("Only the reporter, an agent or a dispatcher may cancel " + number);
		}
		Status from = require("cancel", Status.NEW, Status.DISPATCHED);
		move(actor, "cancel", from, Status.CANCELLED, reason, now);
		events.add(new WorkOrderCancelled(number, tenantId, reason, now));
	}

	void regrade(Actor actor, Grade to, String reason, Instant now) {
		requireRole(actor, "regrade", Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR);
		if (!status.isOpen() || status == Status.COMPLETED || status == Status.ACCEPTED) {
			throw new IllegalTransition(number, "regrade", status);
		}
		Grade from = grade;
		grade = to;
		gradeSource = GradeSource.MANUAL;
		gradeUncertain = false;
		record(actor, "regrade", from.name(), to.name(), reason, now);
		events.add(new WorkOrderRegraded(number, tenantId, from, to, reason, now));
	}

	/**
	 * Agrees a new visit window with the owner; for planned (L4) work it moves the
	 * promised arrival, for the other grades it only tells the owner when to expect the
	 * technician.
	 */
	void reschedule(Actor actor, Appointment window, String reason, Instant now) {
		if (isReportedBy(actor)) {
			checkOwnersMove(window, now);
		}
		else if (!isAssignedTo(actor) && !actor.is(Role.AGENT) && !actor.is(Role.DISPATCHER)
				&& !actor.is(Role.SUPERVISOR)) {
			throw new Forbidden("Only the reporting owner, the assigned technician, an agent or a dispatcher may "
					+ "reschedule " + number);
		}
		require("reschedule", Status.NEW, Status.DISPATCHED, Status.TAKEN);
		Appointment before = appointment;
		appointment = window;
		record(actor, "reschedule", before == null ? null : before.from() + "/" + before.to(),
				window.from() + "/" + window.to(), reason, now);
		events.add(new WorkOrderRescheduled(number, tenantId, window.from().toInstant(), window.to().toInstant(),
				reason, now));
	}

	/**
	 * The reporting owner hurries the order while it is open; the line says which hurry
	 * it is.
	 */
	void hurry(Actor actor, int nth, String note, Instant now) {
		if (!actor.is(Role.OWNER) || !isReportedBy(actor)) {
			throw new Forbidden("Only the reporting owner may hurry order " + number);
		}
		require("hurry", Status.NEW, Status.DISPATCHED, Status.TAKEN, Status.ARRIVED, Status.IN_PROGRESS,
				Status.ON_HOLD);
		record(actor, "hurry", null, String.valueOf(nth), note, now);
		events.add(new WorkOrderHurried(number, tenantId, nth, now));
	}

	/**
	 * The owner moves their own appointment only for planned work (L4; 403 for any other,
	 * as before owners could move none), with at least {@link #OWNER_NOTICE} notice,
	 * within {@link #OWNER_HORIZON}, and a window of at most
	 * {@link #OWNER_LONGEST_WINDOW}; anything else is agreed with the property's staff.
	 */
	private void checkOwnersMove(Appointment window, Instant now) {
		if (grade != Grade.L4) {
			throw new Forbidden(
					"Owners move appointments of planned work (L4) only; please call the property " + "只有计划维修可以自行改约");
		}
		Instant from = window.from().toInstant();
		if (from.isBefore(now.plus(OWNER_NOTICE)) || from.isAfter(now.plus(OWNER_HORIZON))
				|| Duration.between(from, window.to().toInstant()).compareTo(OWNER_LONGEST_WINDOW) > 0) {
			throw new BusinessRuleViolation("owner-reschedule-window",
					"A new window starts at least 2 hours from now and within 30 days, and lasts at most 4 hours "
							+ "新时间需在2小时后、30天内，时段不超过4小时");
		}
	}

	List<HistoryEntry> newHistory() {
		return List.copyOf(newHistory);
	}

	List<WorkOrderEvent> events() {
		return List.copyOf(events);
	}

	private Status require(String action, Status... allowed) {
		if (!Set.of(allowed).contains(status)) {
			throw new IllegalTransition(number, action, status);
		}
		return status;
	}

	private void move(Actor actor, String action, Status from, Status to, String note, Instant now) {
		status = to;
		record(actor, action, from.name(), to.name(), note, now);
	}

	private void record(Actor actor, String action, String from, String to, String note, Instant now) {
		updatedAt = now;
		newHistory.add(new HistoryEntry(now, action, actor.username(), actor.role().name(), from, to, note, API, null));
	}

	private void recordSystem(String action, String from, String to, String note, Instant now) {
		updatedAt = now;
		newHistory.add(new HistoryEntry(now, action, SYSTEM, "SYSTEM", from, to, note, API, null));
	}

	private void requireRole(Actor actor, String action, Role... roles) {
		if (!EnumSet.copyOf(List.of(roles)).contains(actor.role())) {
			throw new Forbidden("'" + action + "' is for " + List.of(roles));
		}
	}

	private void requireAssignee(Actor actor, String action) {
		if (assignee == null && actor.is(Role.TECHNICIAN)) {
			// nobody is assigned yet: the status, not the person, is what is wrong
			throw new IllegalTransition(number, action, status);
		}
		if (!isAssignedTo(actor)) {
			throw new Forbidden("Only the assigned technician may '" + action + "' order " + number);
		}
	}

	private void requireAssigneeOrSupervisor(Actor actor, String action) {
		if (!isAssignedTo(actor) && !actor.is(Role.SUPERVISOR)) {
			throw new Forbidden("Only the assigned technician or a supervisor may '" + action + "' order " + number);
		}
	}

	private void requireReporterOrAgent(Actor actor, String action) {
		if (!isReportedBy(actor) && !actor.is(Role.AGENT)) {
			throw new Forbidden("Only the reporting owner or an agent may '" + action + "' order " + number);
		}
	}

}
