package org.suxiu.workorder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.suxiu.property.Project;
import org.suxiu.property.Site;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Grade;

/**
 * The work-order module's one way in, for the API, the pages and other modules: reports,
 * reads, one method per transition (each with its own command), and the system's own
 * moves. Every change runs in one transaction that stores the new state, its history and
 * its events together.
 */
public interface WorkOrders {

	// reading on a person's behalf: the same visibility and phone masking everywhere

	/**
	 * The order with its history; {@link WorkOrderNotFound} if the person may not see it.
	 */
	WorkOrderView read(Actor actor, String number);

	/** One page of the orders the person may see, newest first, without history. */
	default ListPage list(Actor actor, List<Status> statuses, Grade grade, Long projectId, Long assigneeId, int page,
			int size) {
		return list(actor, statuses, grade, projectId, assigneeId, null, page, size);
	}

	/**
	 * As {@link #list(Actor, List, Grade, Long, Long, int, int)}, continuing after
	 * {@code after}, the {@link ListPage#next()} cursor of a previous page, when given
	 * (then {@code page} is not used): as fast on the thousandth page as on the first.
	 */
	ListPage list(Actor actor, List<Status> statuses, Grade grade, Long projectId, Long assigneeId, String after,
			int page, int size);

	/**
	 * Every order of {@link #list} for these filters, newest first and without history,
	 * read with a database cursor a batch at a time: for exports of any size in bounded
	 * memory.
	 */
	void forEachListed(Actor actor, List<Status> statuses, Grade grade, Long projectId, Long assigneeId,
			java.util.function.Consumer<WorkOrderView> each);

	/** Whether the person may see the order (and so its photos). */
	boolean isVisibleTo(Actor actor, String number);

	/**
	 * The reporter's full number, for the assigned technician's call button while the job
	 * is theirs and not finished.
	 */
	String reporterPhoneForCall(Actor actor, String number);

	/**
	 * How many orders of a project the person serves were created from {@code from} until
	 * {@code to}, by grade and status.
	 */
	List<GradeStatusCount> counts(Actor actor, Project project, Instant from, Instant to);

	/**
	 * Orders the person may see that are still open at the same place and in the same
	 * category, created within {@code window}: the agent's duplicate warning.
	 */
	List<WorkOrderView> openAtSamePlace(Actor actor, Site site, Category category, Duration window);

	// intake and the transitions of the contract

	/**
	 * Takes a report in; the same {@code idempotencyKey} and body within 24 h answer the
	 * original order.
	 */
	Reported report(Actor actor, NewWorkOrder request, String idempotencyKey);

	WorkOrderView dispatch(Actor actor, OrderCommand.Dispatch command);

	WorkOrderView take(Actor actor, OrderCommand.Take command);

	WorkOrderView grab(Actor actor, OrderCommand.Grab command);

	WorkOrderView decline(Actor actor, OrderCommand.Decline command);

	WorkOrderView arrive(Actor actor, OrderCommand.Arrive command);

	WorkOrderView start(Actor actor, OrderCommand.Start command);

	/**
	 * Records that the people trapped in a lift were freed: the assigned technician, on
	 * an L1 lift order they are on site for, once (409 otherwise; 422 on any other
	 * order).
	 */
	WorkOrderView rescue(Actor actor, OrderCommand.Rescue command);

	WorkOrderView hold(Actor actor, OrderCommand.Hold command);

	WorkOrderView resume(Actor actor, OrderCommand.Resume command);

	WorkOrderView complete(Actor actor, OrderCommand.Complete command);

	WorkOrderView accept(Actor actor, OrderCommand.Accept command);

	/** Closes the original and answers the new, linked rework order. */
	WorkOrderView reopen(Actor actor, OrderCommand.Reopen command);

	WorkOrderView followUp(Actor actor, OrderCommand.FollowUp command);

	WorkOrderView cancel(Actor actor, OrderCommand.Cancel command);

	WorkOrderView regrade(Actor actor, OrderCommand.Regrade command);

	WorkOrderView reschedule(Actor actor, OrderCommand.Reschedule command);

	/**
	 * An agent, dispatcher or supervisor confirms or dismisses the probable rework the
	 * system flagged (409 unless the order is flagged and not yet judged).
	 */
	WorkOrderView judgeRework(Actor actor, OrderCommand command, boolean confirmed, String note);

	/**
	 * The reporting owner hurries an open order (催单): a history line and
	 * {@link WorkOrderHurried}; 409 once it is completed or cancelled.
	 */
	WorkOrderView hurry(Actor actor, OrderCommand.Hurry command);

	// what other modules read

	/** The order as other modules see it. */
	Optional<OrderFacts> facts(String number);

	/** The project's orders not yet completed (NEW up to ON_HOLD), oldest first. */
	List<OrderFacts> openOrders(long projectId);

	/** The project's orders still waiting for a technician (NEW), oldest first. */
	List<OrderFacts> waiting(long projectId);

	/**
	 * How many of the project's emergencies (L1) still wait for a technician (NEW), not
	 * counting {@code besides}: one count over a partial index, for a dispatch decision
	 * that only needs the number (the benchmark leaves thousands waiting, and sending
	 * their numbers was the costliest statement of its run).
	 */
	int waitingEmergencies(long projectId, java.util.Collection<String> besides);

	/**
	 * The project's orders reported from {@code from} (inclusive) to {@code to}
	 * (exclusive), with when they were reached, started and completed, oldest first;
	 * cancelled ones left out.
	 */
	List<PastOrder> reportedBetween(long projectId, Instant from, Instant to);

	/**
	 * As {@link #reportedBetween}, only the lift emergencies (L1 ELEVATOR), with when the
	 * people trapped were freed: the time-to-rescue figures.
	 */
	List<PastOrder> entrapmentsReportedBetween(long projectId, Instant from, Instant to);

	/**
	 * The project's repairs completed from {@code from} (inclusive) to {@code to}
	 * (exclusive), each with whether it was reworked: the first-time-fix figures.
	 */
	List<FixRecord> fixesBetween(long projectId, Instant from, Instant to);

	/**
	 * The orders that name the asset, newest first (the latest 200), with when they were
	 * reached and completed: the asset's history and downtime.
	 */
	List<PastOrder> ofAsset(long assetId);

	/** The order's life in figures, or empty if there is no such order. */
	Optional<OrderLife> life(String number);

	/**
	 * The lives of these orders (those that exist), in order of number, read together:
	 * how a read model counts a batch of changed orders at once.
	 */
	List<OrderLife> lives(java.util.Collection<String> numbers);

	/**
	 * Every order of every tenant in order of number, {@code size} at a time after
	 * {@code afterNumber} ({@code null} for the first page): how a read model counts the
	 * orders that were there before it listened.
	 */
	List<OrderLife> lives(String afterNumber, int size);

	// the system's own moves, each joining the caller's transaction

	/**
	 * Closes an accepted order without a follow-up call, on a person's behalf (an agent
	 * who could not reach the owner) or the system's ({@code actor} null).
	 * @param why {@code NOT_SAMPLED} or {@code NOT_REACHED}
	 * @return whether it was closed (false if it is no longer ACCEPTED)
	 */
	boolean closeWithoutCall(Actor actor, String number, String why, String note);

	/**
	 * Raises an order on the system's behalf (device alarm, plan work, failed check):
	 * graded by the triage rules unless the report gives a grade.
	 * @return the new order's number
	 * @throws org.suxiu.shared.InvalidInput if the place or the asset is unknown
	 */
	String raise(SystemReport report);

	/**
	 * Appends a system line to the order's history, such as {@code sla-warning}, without
	 * a state change.
	 * @return whether the order exists
	 */
	boolean appendSystemHistory(String number, String action, String note, String clock);

	/**
	 * Dispatches an order that is still NEW on the system's behalf.
	 * @return whether it was dispatched (false if someone dispatched it meanwhile)
	 */
	boolean dispatchAutomatically(String number, long technicianId, String reasons);

	/**
	 * Holds a job on site for the owner's consent to a quote ({@code WAITING_OWNER}: the
	 * completion clock pauses); nothing happens if it already waits for the owner.
	 * @throws IllegalTransition unless the technician is on site (ARRIVED, IN_PROGRESS,
	 * ON_HOLD)
	 */
	void awaitOwner(String number, String reason);

	/**
	 * The owner answered: a job held for them goes on (IN_PROGRESS).
	 * @return whether it was waiting for the owner and so resumed
	 */
	boolean resumeAfterConsent(String number, String note);

	/**
	 * Appends a line by a person (or the system when {@code actor} is null) to the
	 * order's history without a state change: a quote, a consent, a payment, materials
	 * issued.
	 * @return whether the order exists
	 */
	boolean appendHistory(String number, String action, Actor actor, String note);

	/** Returns a not-yet-started job to the queue. */
	void handBack(String number, String reason);

	/** Puts a job on hold because its technician was sent to an emergency. */
	void interrupt(String number, String emergency);

	/**
	 * Dispatches on a dispatcher's behalf (a day plan being applied) only if the order is
	 * still exactly as {@code seen}, with the same checks, history and events as a
	 * dispatch through the API.
	 * @throws ConcurrentChange if the order changed since it was seen
	 */
	void dispatchAsSeen(Actor actor, OrderFacts seen, long technicianId, String note);

	/**
	 * A report taken in.
	 *
	 * @param order the order as the reporter sees it
	 * @param created false when an idempotency key answered an earlier order
	 */
	record Reported(WorkOrderView order, boolean created) {
	}

	/**
	 * One page of orders.
	 *
	 * @param items the orders, without history
	 * @param total how many match in all: exact up to {@value #EXACT_TOTAL_UP_TO}, beyond
	 * that the database's estimate (counting them all would read them all)
	 * @param totalIsEstimate whether {@code total} is an estimate
	 * @param next the cursor of the page after this one, or {@code null} on the last page
	 */
	record ListPage(List<WorkOrderView> items, long total, boolean totalIsEstimate, String next) {

		/** Totals up to this many are counted exactly. */
		public static final int EXACT_TOTAL_UP_TO = 10_000;

	}

}
