package org.suxiu.dispatch;

import java.time.Instant;

/**
 * How long the assigned technician needs to reach an order's site from their last known
 * position, by the same travel-time model the recommendations use.
 *
 * @param minutes expected minutes, at least one
 * @param technicianName who is on the way
 * @param positionAt when the position it starts from was measured
 */
public record Eta(long minutes, String technicianName, Instant positionAt) {
}
