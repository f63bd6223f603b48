package org.suxiu.incident;

import java.util.List;

import org.suxiu.shared.Category;

/**
 * Open orders that look like one cause: the same building (or common area) and category
 * within the proposal window, none linked yet. The oldest is proposed as the lead.
 *
 * @param category repair type
 * @param place the building or common area
 * @param numbers the orders, oldest first
 */
public record ProposedIncident(Category category, String place, List<String> numbers) {
}
