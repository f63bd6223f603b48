package org.suxiu.incident;

import java.util.List;

/**
 * An incident as sent to {@code POST /api/v1/incidents}.
 *
 * @param leadNumber the order one technician will work
 * @param title what happened, e.g. 3号楼停水
 * @param numbers the other orders about the same cause
 */
public record NewIncident(String leadNumber, String title, List<String> numbers) {
}
