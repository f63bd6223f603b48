package org.suxiu.workorder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Where the fault is: a home by building, unit and room, or a named common area of a
 * project.
 *
 * @param projectCode the project (小区), e.g. {@code DEMO}
 * @param building building (楼栋) of a home
 * @param unit unit (单元) of a home
 * @param room room of a home, e.g. {@code 101}
 * @param area a common area (公共区域), e.g. {@code 1号楼1号电梯}
 */
public record Location(@NotBlank @Size(max = 20) String projectCode, @Size(max = 20) String building,
		@Size(max = 20) String unit, @Size(max = 20) String room, @Size(max = 50) String area) {

	public boolean isArea() {
		return area != null && !area.isBlank();
	}

}
