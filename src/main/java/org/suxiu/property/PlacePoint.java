package org.suxiu.property;

/**
 * A building or common area of a project with its position, for drawing a site plan.
 *
 * @param code the building code, or the common area's name
 * @param name display name
 * @param lat latitude, or {@code null} if unknown
 * @param lng longitude, or {@code null} if unknown
 */
public record PlacePoint(String code, String name, Double lat, Double lng) {
}
