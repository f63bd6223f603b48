package org.suxiu.dispatch;

import java.util.List;

/**
 * The recommender's answer for one order: who should go, best first, and every other
 * technician of the tenant with the reason they are not proposed.
 *
 * @param proposals the candidates, best first
 * @param notProposed the others, in the tenant's order of technicians
 */
public record Ranking(List<Proposal> proposals, List<NotProposed> notProposed) {
}
