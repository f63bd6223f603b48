package org.suxiu.asset;

import java.time.LocalDate;

/**
 * Equipment as the API, the pages and other modules read it: the module's one read
 * record.
 *
 * @param id asset id
 * @param tenantId property company
 * @param projectId project
 * @param projectCode project code
 * @param place the common area it stands in
 * @param building the building of that area, or {@code null}
 * @param type kind
 * @param name name, unique in the project
 * @param maker manufacturer, or {@code null}
 * @param model model, or {@code null}
 * @param serial serial number, or {@code null}
 * @param installedOn install date, or {@code null}
 * @param registrationCode registration code, or {@code null}
 * @param contractor maintenance contractor, or {@code null}
 * @param contractEnds end of the maintenance contract, or {@code null}
 * @param status working, stopped or retired
 * @param version optimistic version
 */
public record AssetView(long id, long tenantId, long projectId, String projectCode, String place, String building,
		AssetType type, String name, String maker, String model, String serial, LocalDate installedOn,
		String registrationCode, String contractor, LocalDate contractEnds, AssetStatus status, int version) {
}
