package org.suxiu.maintenance;

import java.util.Optional;

/** The small read face for the field tools: the checklist that goes with an order. */
public interface Checklists {

	/**
	 * The checklist of the plan that generated the order, or empty for any other order.
	 */
	Optional<Checklist> forOrder(String number);

}
