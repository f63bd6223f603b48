package org.suxiu.property;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.InvalidInput.FieldError;

/**
 * A project's buildings and common areas as its administrator sets them up; a project of
 * another company answers 404, as if it did not exist.
 */
@Service
@Transactional
public class ProjectSites {

	private final JdbcClient jdbc;

	private final PropertyDirectory directory;

	ProjectSites(JdbcClient jdbc, PropertyDirectory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	@Transactional(readOnly = true)
	public List<BuildingDetails> buildings(Actor admin, String projectCode) {
		Project project = AdminScope.project(directory, admin, projectCode);
		return jdbc.sql("""
				SELECT b.code, b.name, b.floors, b.units, b.lat, b.lng,
				  (SELECT count(*) FROM home h WHERE h.building_id = b.id) AS homes
				FROM building b WHERE b.project_id = ? ORDER BY length(b.code), b.code
				""")
			.param(project.id())
			.query((rs, n) -> new BuildingDetails(rs.getString("code"), rs.getString("name"), rs.getInt("floors"),
					(Integer) rs.getObject("units"), (Double) rs.getObject("lat"), (Double) rs.getObject("lng"),
					rs.getInt("homes")))
			.list();
	}

	public BuildingDetails addBuilding(Actor admin, String projectCode, NewBuilding building) {
		Project project = AdminScope.project(directory, admin, projectCode);
		List<FieldError> errors = new ArrayList<>();
		if (building.code() == null || !building.code().strip().matches("[\\p{IsHan}A-Za-z0-9_-]{1,20}")) {
			errors.add(new FieldError("code", "1–20 letters or digits, as in addresses 1–20 位，与门牌一致"));
		}
		ProjectChecks.text(errors, "name", building.name(), 40, false);
		if (building.floors() == null || building.floors() < 1 || building.floors() > 200) {
			errors.add(new FieldError("floors", "1 to 200 层数 1–200"));
		}
		if (building.units() != null && (building.units() < 1 || building.units() > 50)) {
			errors.add(new FieldError("units", "1 to 50 单元数 1–50"));
		}
		ProjectChecks.position(errors, building.lat(), building.lng());
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		String code = building.code().strip();
		String name = ProjectChecks.blankToNull(building.name());
		try {
			jdbc.sql("""
					INSERT INTO building (project_id, code, name, floors, units, lat, lng) VALUES (?, ?, ?, ?, ?, ?, ?)
					""")
				.params(project.id(), code,
						name != null ? name : code.chars().allMatch(Character::isDigit) ? code + "号楼" : code,
						building.floors(), building.units(), building.lat(), building.lng())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateEntry("Building 楼栋", code);
		}
		return buildings(admin, projectCode).stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<AreaDetails> areas(Actor admin, String projectCode) {
		Project project = AdminScope.project(directory, admin, projectCode);
		return jdbc
			.sql("""
					SELECT a.name, a.kind, b.code AS building FROM common_area a LEFT JOIN building b ON b.id = a.building_id
					WHERE a.project_id = ? ORDER BY a.id
					""")
			.param(project.id())
			.query((rs, n) -> new AreaDetails(rs.getString("name"), AreaKind.valueOf(rs.getString("kind")),
					rs.getString("building")))
			.list();
	}

	public AreaDetails addArea(Actor admin, String projectCode, NewArea area) {
		Project project = AdminScope.project(directory, admin, projectCode);
		List<FieldError> errors = new ArrayList<>();
		ProjectChecks.text(errors, "name", area.name(), 40, true);
		Long buildingId = null;
		String building = ProjectChecks.blankToNull(area.building());
		if (building != null) {
			buildingId = jdbc.sql("SELECT id FROM building WHERE project_id = ? AND code = ?")
				.params(project.id(), building)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (buildingId == null) {
				errors.add(new FieldError("building", "no such building in this project 本项目没有这栋楼: " + building));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		String name = area.name().strip();
		AreaKind kind = area.kind() != null ? area.kind() : AreaKind.guess(name);
		try {
			jdbc.sql("INSERT INTO common_area (project_id, name, kind, building_id) VALUES (?, ?, ?, ?)")
				.params(project.id(), name, kind.name(), buildingId)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateEntry("Common area 公共区域", name);
		}
		return new AreaDetails(name, kind, building);
	}

	/**
	 * A building to add.
	 *
	 * @param code code as in addresses
	 * @param name display name; default {@code 1号楼} for code {@code 1}
	 * @param floors floors above ground
	 * @param units units (单元), may be null
	 * @param lat latitude, may be null
	 * @param lng longitude, may be null
	 */
	public record NewBuilding(String code, String name, Integer floors, Integer units, Double lat, Double lng) {
	}

	/**
	 * A common area to add.
	 *
	 * @param name name, unique in the project
	 * @param kind what it is; guessed from the name if null
	 * @param building code of its building, may be null
	 */
	public record NewArea(String name, AreaKind kind, String building) {
	}

}
