package org.suxiu.field;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.attachment.Attachments;
import org.suxiu.attachment.Purpose;
import org.suxiu.attachment.Upload;
import org.suxiu.field.QueuedAction.Step;
import org.suxiu.field.ReplayOutcome.Reason;
import org.suxiu.field.ReplayOutcome.Result;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.workorder.IllegalTransition;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.WorkOrderView;
import org.suxiu.workorder.WorkOrders;

/**
 * The technician's actions from the phone: completion with the checklist and the owner's
 * signature, and the replay of actions queued while offline. Each queued action runs in
 * its own transaction together with its key's row, in the order sent: one refused action
 * does not undo the ones before it, and the same key sent again answers what it did the
 * first time instead of acting twice.
 */
@Service
public class FieldActions {

	/** At most this many actions in one replay. */
	public static final int MAX_BATCH = 100;

	private final WorkOrders orders;

	private final Attachments attachments;

	private final Checklists checklists;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	FieldActions(WorkOrders orders, Attachments attachments, Checklists checklists, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.orders = orders;
		this.attachments = attachments;
		this.checklists = checklists;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Completes a job (完工): the checklist's result and the owner's signature go with it
	 * into the order, all or nothing. A signature that is not a PNG or JPEG is refused
	 * (415) before anything changes.
	 */
	@Transactional
	public WorkOrderView complete(Actor actor, String number, Integer version, String resolution, List<String> ticked,
			byte[] signature) {
		WorkOrderView order = orders.read(actor, number);
		List<String> known = checklists.of(order).stream().map(ChecklistItem::id).toList();
		List<String> unknown = ticked.stream().filter(id -> !known.contains(id)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInput("checklist", "not items of this job's checklist: " + String.join(", ", unknown));
		}
		Upload signed = signature == null || signature.length == 0 ? null
				: attachments.check("signature.png", signature);
		WorkOrderView done = orders.complete(actor, new OrderCommand.Complete(number, version, resolution));
		if (!known.isEmpty()) {
			orders.appendHistory(number, "checklist", actor, checklists.note(order, ticked));
		}
		if (signed != null) {
			attachments.attach(actor, number, Purpose.SIGNATURE, List.of(signed));
			orders.appendHistory(number, "signature", actor, "业主已签字确认 signed by the owner");
		}
		return signed == null && known.isEmpty() ? done : orders.read(actor, number);
	}

	/**
	 * Replays queued actions in the order given; every action gets an answer, none is
	 * dropped.
	 */
	public List<ReplayOutcome> replay(Actor actor, List<QueuedAction> actions) {
		if (!actor.is(Role.TECHNICIAN)) {
			throw new Forbidden("Queued field actions are the technician's own");
		}
		if (actions.size() > MAX_BATCH) {
			throw new InvalidInput("actions", "send at most " + MAX_BATCH + " actions at once");
		}
		for (int i = 0; i < actions.size(); i++) {
			QueuedAction a = actions.get(i);
			if (a.key() == null || a.key().isBlank() || a.key().length() > 100) {
				throw new InvalidInput("actions[" + i + "].key", "must be 1 to 100 characters");
			}
			if (a.number() == null || a.number().isBlank() || a.action() == null) {
				throw new InvalidInput("actions[" + i + "]", "needs the order's number and the action");
			}
		}
		List<ReplayOutcome> outcomes = new ArrayList<>();
		for (QueuedAction action : actions) {
			outcomes.add(replayOne(actor, action));
		}
		return outcomes;
	}

	private ReplayOutcome replayOne(Actor actor, QueuedAction action) {
		try {
			return transactions.execute(tx -> {
				Optional<ReplayOutcome> earlier = claim(actor, action);
				if (earlier.isPresent()) {
					return earlier.get();
				}
				WorkOrderView order = apply(actor, action);
				return new ReplayOutcome(action.key(), action.number(), action.action(), Result.APPLIED, null, null,
						order.status());
			});
		}
		catch (DomainException refused) {
			Reason reason = reason(refused);
			return transactions.execute(tx -> {
				jdbc.sql("""
						INSERT INTO field_action (technician_id, key, order_number, action, result, reason, detail,
						    taken_at, created_at)
						VALUES (?, ?, ?, ?, 'CONFLICT', ?, ?, ?, ?) ON CONFLICT DO NOTHING
						""")
					.params(actor.id(), action.key(), action.number(), action.action().name(), reason.name(),
							refused.getMessage(), taken(action), Timestamp.from(clock.instant()))
					.update();
				orders.appendHistory(action.number(), "offline-refused", null, actor.username() + " "
						+ action.action().name().toLowerCase(java.util.Locale.ROOT) + ": " + reason.name());
				return new ReplayOutcome(action.key(), action.number(), action.action(), Result.CONFLICT, reason,
						refused.getMessage(), statusIfVisible(actor, action.number()));
			});
		}
	}

	/** Claims the key, or answers what its first use did. */
	private Optional<ReplayOutcome> claim(Actor actor, QueuedAction action) {
		int claimed = jdbc.sql("""
				INSERT INTO field_action (technician_id, key, order_number, action, result, taken_at, created_at)
				VALUES (?, ?, ?, ?, 'APPLIED', ?, ?) ON CONFLICT DO NOTHING
				""")
			.params(actor.id(), action.key(), action.number(), action.action().name(), taken(action),
					Timestamp.from(clock.instant()))
			.update();
		if (claimed == 1) {
			return Optional.empty();
		}
		record Earlier(String number, String action, String result, String reason, String detail) {
		}
		Earlier earlier = jdbc.sql(
				"SELECT order_number, action, result, reason, detail FROM field_action WHERE technician_id = ? AND key = ?")
			.params(actor.id(), action.key())
			.query((rs, n) -> new Earlier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.single();
		if (!earlier.number().equals(action.number()) || !earlier.action().equals(action.action().name())) {
			return Optional.of(new ReplayOutcome(action.key(), action.number(), action.action(), Result.CONFLICT,
					Reason.KEY_REUSED, "This key was used before for " + earlier.action() + " on " + earlier.number(),
					null));
		}
		boolean applied = earlier.result().equals("APPLIED");
		return Optional.of(new ReplayOutcome(action.key(), action.number(), action.action(),
				applied ? Result.ALREADY_APPLIED : Result.CONFLICT, applied ? null : Reason.valueOf(earlier.reason()),
				earlier.detail(), statusIfVisible(actor, action.number())));
	}

	private WorkOrderView apply(Actor actor, QueuedAction a) {
		String n = a.number();
		return switch (a.action()) {
			case TAKE -> orders.take(actor, new OrderCommand.Take(n, a.version(), a.note()));
			case ARRIVE -> orders.arrive(actor, new OrderCommand.Arrive(n, a.version(), a.note()));
			case START -> orders.start(actor, new OrderCommand.Start(n, a.version(), a.note()));
			case RESUME -> orders.resume(actor, new OrderCommand.Resume(n, a.version(), a.note()));
			case HOLD -> orders.hold(actor, new OrderCommand.Hold(n, a.version(), a.note()));
			case COMPLETE -> complete(actor, n, a.version(), a.note(), a.checklist(), a.signature());
		};
	}

	private static Reason reason(DomainException refused) {
		if (refused instanceof NotFound || refused instanceof Forbidden) {
			return Reason.REASSIGNED;
		}
		if (refused instanceof IllegalTransition) {
			return Reason.STATUS_CHANGED;
		}
		if (refused instanceof ConcurrentChange) {
			return Reason.CHANGED_MEANWHILE;
		}
		if (refused instanceof InvalidInput) {
			return Reason.INVALID;
		}
		return refused instanceof BusinessRuleViolation ? Reason.REFUSED : Reason.INVALID;
	}

	private org.suxiu.workorder.Status statusIfVisible(Actor actor, String number) {
		return orders.isVisibleTo(actor, number)
				? orders.facts(number).map(org.suxiu.workorder.OrderFacts::status).orElse(null) : null;
	}

	private static Timestamp taken(QueuedAction action) {
		return action.takenAt() == null ? null : Timestamp.from(action.takenAt().toInstant());
	}

}
