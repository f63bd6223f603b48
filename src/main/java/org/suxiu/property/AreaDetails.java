package org.suxiu.property;

/**
 * A common area (公共区域) of a project.
 *
 * @param name name, unique within the project, as orders name it
 * @param kind what it is
 * @param building code of the building it belongs to, or {@code null}
 */
public record AreaDetails(String name, AreaKind kind, String building) {
}
