package org.suxiu.dispatch;

import java.util.Map;

/**
 * One ranked candidate for an order, with the figures a dispatcher reads before deciding.
 *
 * @param technicianId staff id
 * @param name display name
 * @param score 0..100, higher is better
 * @param etaMinutes predicted minutes until on site
 * @param reasons the breakdown: ETA, travel, distance, jobs in hand, skill, shift, slack,
 * pre-emption, delayed promises, and why it is not first
 */
public record Proposal(long technicianId, String name, double score, long etaMinutes, Map<String, Object> reasons) {
}
