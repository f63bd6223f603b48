package org.suxiu.sla;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.workorder.OrderClocks;
import org.suxiu.workorder.SlaSnapshot;

/**
 * Answers the work-order module's questions about an order's clocks and deadlines from
 * the SLA engine's own rows, so the order keeps no copy of them.
 */
@Component
class OrderClockReader implements OrderClocks {

	private final ClockStore store;

	OrderClockReader(ClockStore store) {
		this.store = store;
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<SlaSnapshot> of(String number) {
		return store.clocks(number).stream().map(ClockStore.StoredClock::snapshot).toList();
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<String, List<SlaSnapshot>> of(Collection<String> numbers) {
		Map<String, List<SlaSnapshot>> clocks = new LinkedHashMap<>();
		for (ClockStore.StoredClock clock : store.clocks(numbers)) {
			clocks.computeIfAbsent(clock.number(), n -> new java.util.ArrayList<>()).add(clock.snapshot());
		}
		return clocks;
	}

}
