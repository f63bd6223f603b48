package org.suxiu.workorder;

import org.suxiu.shared.Actor;
import org.suxiu.shared.Grade;

/**
 * One transition a person asks for, with exactly what that transition needs. Each names
 * the order and, optionally, the {@code version} the person read (a different current
 * version is refused as a concurrent change).
 */
public sealed interface OrderCommand {

	String number();

	Integer version();

	/** Carries the command out through the facade method of its transition. */
	WorkOrderView applyTo(WorkOrders orders, Actor actor);

	/**
	 * A transition that needs nothing but the order: take, arrive, start, resume, grab or
	 * rescue.
	 * @throws IllegalArgumentException for a transition that needs more
	 */
	static OrderCommand bare(OrderAction action, String number) {
		return switch (action) {
			case TAKE -> new Take(number, null, null);
			case ARRIVE -> new Arrive(number, null, null);
			case START -> new Start(number, null, null);
			case RESUME -> new Resume(number, null, null);
			case GRAB -> new Grab(number, null);
			case RESCUE -> new Rescue(number, null, null);
			default -> throw new IllegalArgumentException(action + " needs more than the order");
		};
	}

	/** Send to a technician (派工); {@code technicianId} is the id or the username. */
	record Dispatch(String number, Integer version, String technicianId, String note) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.dispatch(actor, this);
		}
	}

	/** The assigned technician takes the job (接单). */
	record Take(String number, Integer version, String note) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.take(actor, this);
		}
	}

	/** A qualified technician grabs a waiting order from the pool (抢单). */
	record Grab(String number, Integer version) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.grab(actor, this);
		}
	}

	/** The assigned technician hands the job back (拒单). */
	record Decline(String number, Integer version, String reason) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.decline(actor, this);
		}
	}

	/** The technician is on site (到场). */
	record Arrive(String number, Integer version, String note) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.arrive(actor, this);
		}
	}

	/** The repair begins (开始维修). */
	record Start(String number, Integer version, String note) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.start(actor, this);
		}
	}

	/** Work pauses for a reason (挂起). */
	record Hold(String number, Integer version, String reason) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.hold(actor, this);
		}
	}

	/** Paused work goes on (恢复). */
	record Resume(String number, Integer version, String note) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.resume(actor, this);
		}
	}

	/** Work is finished, saying what was done (完工). */
	record Complete(String number, Integer version, String resolution) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.complete(actor, this);
		}
	}

	/** The reporter accepts the work with a rating of 1 to 5 (验收). */
	record Accept(String number, Integer version, Integer rating, String comment) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.accept(actor, this);
		}
	}

	/** Not fixed: the order closes and a linked rework order opens (返修). */
	record Reopen(String number, Integer version, String reason) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.reopen(actor, this);
		}
	}

	/** The follow-up call is recorded and the order closed (回访). */
	record FollowUp(String number, Integer version, Boolean satisfied, String note) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.followUp(actor, this);
		}
	}

	/** The order is withdrawn before work begins (取消). */
	record Cancel(String number, Integer version, String reason) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.cancel(actor, this);
		}
	}

	/** Staff change the grade with a reason (调整等级). */
	record Regrade(String number, Integer version, Grade grade, String reason) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.regrade(actor, this);
		}
	}

	/**
	 * The reporting owner hurries the order (催单); {@code nth} counts their hurries on it,
	 * the quiet period between them kept by the caller.
	 */
	record Hurry(String number, Integer version, int nth, String note) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.hurry(actor, this);
		}
	}

	/** A new visit window is agreed, with a reason (改约). */
	record Reschedule(String number, Integer version, Appointment appointment, String reason) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.reschedule(actor, this);
		}
	}

	/**
	 * The people trapped in a lift are out (被困人员已解救); only on an entrapment (L1 lift)
	 * order, once, while the technician is on site.
	 */
	record Rescue(String number, Integer version, String note) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.rescue(actor, this);
		}
	}

	/** The order repeats an earlier repair: it is rework (确认返修). */
	record ConfirmRework(String number, Integer version, String note) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.judgeRework(actor, this, true, note);
		}
	}

	/** The order only looked like rework: the link to the earlier order goes (不是返修). */
	record DismissRework(String number, Integer version, String reason) implements OrderCommand {
		public WorkOrderView applyTo(WorkOrders orders, Actor actor) {
			return orders.judgeRework(actor, this, false, reason);
		}
	}

}
