package org.suxiu.property;

/**
 * A place repairs happen: an owner's home (building-unit-room) or a common area (公共区域).
 *
 * @param project the project it belongs to
 * @param homeId the home, or {@code null} for a common area
 * @param areaId the common area, or {@code null} for a home
 * @param building building code of a home (or of the area, if it belongs to one)
 * @param unit unit (单元) of a home
 * @param room room of a home
 * @param area name of a common area
 */
public record Site(Project project, Long homeId, Long areaId, String building, String unit, String room, String area) {

	public boolean isHome() {
		return homeId != null;
	}

	/** How people write the place: {@code 示范花园 1-1-101} or {@code 示范花园 地下车库}. */
	public String label() {
		return project.name() + " " + (isHome() ? building + "-" + unit + "-" + room : area);
	}

}
