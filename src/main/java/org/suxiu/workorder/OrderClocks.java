package org.suxiu.workorder;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The SLA clocks and deadlines of orders, answered by the module that keeps them (the SLA
 * engine): the order shows its promises without storing a copy of them.
 */
public interface OrderClocks {

	/** Answers no clocks: for a run without an SLA engine. */
	OrderClocks NONE = new OrderClocks() {

		@Override
		public List<SlaSnapshot> of(String number) {
			return List.of();
		}

		@Override
		public Map<String, List<SlaSnapshot>> of(Collection<String> numbers) {
			return Map.of();
		}

	};

	/** The order's clocks, oldest first; empty when it has none. */
	List<SlaSnapshot> of(String number);

	/** The clocks of several orders in one read, by order number. */
	Map<String, List<SlaSnapshot>> of(Collection<String> numbers);

}
