package org.suxiu.property;

/**
 * A building of a project.
 *
 * @param code code within the project, as in addresses ({@code 1} of 1-1-101)
 * @param name display name, e.g. 1号楼
 * @param floors number of floors above ground
 * @param units number of units (单元), or {@code null} if not given
 * @param lat latitude, or {@code null}
 * @param lng longitude, or {@code null}
 * @param homes how many homes are registered in it
 */
public record BuildingDetails(String code, String name, int floors, Integer units, Double lat, Double lng, int homes) {
}
