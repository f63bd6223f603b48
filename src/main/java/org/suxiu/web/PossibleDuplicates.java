package org.suxiu.web;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.suxiu.workorder.WorkOrderView;

/**
 * Open orders that may be the same fault reported twice: the same kind of repair at the
 * same place, created within a window of each other. The dispatcher sees them flagged
 * before sending two people.
 */
final class PossibleDuplicates {

	private PossibleDuplicates() {
	}

	/** The numbers of the orders that have a possible twin among {@code open}. */
	static Set<String> among(List<WorkOrderView> open, Duration window) {
		Set<String> flagged = new HashSet<>();
		for (int i = 0; i < open.size(); i++) {
			for (int j = i + 1; j < open.size(); j++) {
				WorkOrderView a = open.get(i);
				WorkOrderView b = open.get(j);
				if (samePlaceAndKind(a, b)
						&& Duration.between(a.createdAt(), b.createdAt()).abs().compareTo(window) <= 0) {
					flagged.add(a.number());
					flagged.add(b.number());
				}
			}
		}
		return flagged;
	}

	private static boolean samePlaceAndKind(WorkOrderView a, WorkOrderView b) {
		return a.category() == b.category() && a.location() != null && b.location() != null
				&& a.location().projectCode().equals(b.location().projectCode())
				&& a.location().label().equals(b.location().label());
	}

}
