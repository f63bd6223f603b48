package org.suxiu.dispatch;

import java.time.Instant;

import org.suxiu.shared.GeoPoint;

/**
 * One position as a technician's phone measured it.
 *
 * @param point where
 * @param at when the phone took the fix ({@code null}: when it arrived)
 */
public record PositionFix(GeoPoint point, Instant at) {
}
