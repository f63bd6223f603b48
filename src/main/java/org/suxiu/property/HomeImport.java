package org.suxiu.property;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.ImportRejected.RowError;
import org.suxiu.property.Spreadsheets.Row;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.PhoneNumber;

/**
 * Imports a project's homes and their owners from Excel (the template) or CSV
 * ({@code building,unit,room,owner_name,owner_phone}, or the Chinese headers
 * 楼栋,单元,房号,业主姓名,业主手机): every row is checked first and any bad row refuses the whole file,
 * naming each; importing the same file twice changes nothing the second time.
 */
@Service
public class HomeImport {

	static final List<String> TEMPLATE_HEADERS = List.of("楼栋", "单元", "房号", "业主姓名", "业主手机");

	private static final Map<String, String> COLUMNS = Map.of("楼栋", "building", "单元", "unit", "房号", "room", "业主姓名",
			"owner_name", "业主手机", "owner_phone");

	private final JdbcClient jdbc;

	private final PropertyDirectory directory;

	private final Clock clock;

	HomeImport(JdbcClient jdbc, PropertyDirectory directory, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * What an import added; {@code errors} is empty, since a file with a bad row imports
	 * nothing ({@link ImportRejected}).
	 *
	 * @param rows data rows read
	 * @param buildings buildings created
	 * @param homes homes created
	 * @param owners owners created
	 * @param links owner-home links created
	 * @param errors refused rows: none
	 */
	public record Result(int rows, int buildings, int homes, int owners, int links, List<RowError> errors) {
	}

	private record Home(int line, String building, String unit, String room, String ownerName, String ownerPhone) {
	}

	/** The Excel template: the columns, two example rows and notes. */
	public byte[] template() {
		return Spreadsheets.template("房屋和业主 Homes", TEMPLATE_HEADERS,
				List.of(List.of("1", "1", "101", "张三", "13800001234"), List.of("1", "2", "1502", "", "")),
				List.of("每行一套房屋：楼栋、单元、房号必填；业主姓名和手机号可空，填写时两者都要填。",
						"One home per row: building, unit and room are required; owner name and mobile go together.",
						"房号的前几位是楼层（1502 = 15 层），楼栋的层数由此得出。 Room 1502 is on floor 15.",
						"任何一行有错则整个文件不导入，错误按行号列出；重复导入不会重复创建。",
						"Any bad row refuses the whole file, each named by row; importing again creates nothing twice.",
						"不接受公式（以 = + - @ 开头的内容）。 Formulas (text starting with = + - @) are refused."));
	}

	@Transactional
	public Result importFile(Actor actor, String projectCode, String filename, InputStream content) {
		Project project = AdminScope.project(directory, actor, projectCode);
		if (!directory.acceptsOrders(project.id())) {
			throw new BusinessRuleViolation("project-archived", "Project " + projectCode + " is archived 项目已归档");
		}
		Spreadsheets.Table table = Spreadsheets.read(filename, content, COLUMNS, List.of("building", "unit", "room"));
		List<Home> rows = check(table);
		Map<String, Integer> floors = new HashMap<>();
		rows.forEach(r -> floors.merge(r.building(), floorOf(r.room()), Math::max));
		int buildings = 0;
		Map<String, Long> buildingIds = new HashMap<>();
		for (Map.Entry<String, Integer> b : floors.entrySet()) {
			boolean created = jdbc.sql("""
					INSERT INTO building (project_id, code, name, floors) VALUES (?, ?, ?, ?)
					ON CONFLICT (project_id, code) DO UPDATE SET floors = greatest(building.floors, EXCLUDED.floors)
					RETURNING (xmax = 0)
					""")
				.params(project.id(), b.getKey(), nameOf(b.getKey()), b.getValue())
				.query(Boolean.class)
				.single();
			buildings += created ? 1 : 0;
			buildingIds.put(b.getKey(),
					jdbc.sql("SELECT id FROM building WHERE project_id = ? AND code = ?")
						.params(project.id(), b.getKey())
						.query(Long.class)
						.single());
		}
		int homes = 0;
		int owners = 0;
		int links = 0;
		Timestamp now = Timestamp.from(clock.instant());
		for (Home row : rows) {
			long building = buildingIds.get(row.building());
			homes += jdbc.sql("INSERT INTO home (building_id, unit, room) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
				.params(building, row.unit(), row.room())
				.update();
			if (row.ownerPhone() == null) {
				continue;
			}
			owners += jdbc
				.sql("INSERT INTO owner (phone, name, created_at) VALUES (?, ?, ?) ON CONFLICT (phone) DO NOTHING")
				.params(row.ownerPhone(), row.ownerName(), now)
				.update();
			links += jdbc.sql("""
					INSERT INTO owner_home (owner_id, home_id)
					SELECT o.id, h.id FROM owner o, home h
					WHERE o.phone = ? AND h.building_id = ? AND h.unit = ? AND h.room = ?
					ON CONFLICT DO NOTHING
					""").params(row.ownerPhone(), building, row.unit(), row.room()).update();
		}
		return new Result(rows.size(), buildings, homes, owners, links, List.of());
	}

	private static List<Home> check(Spreadsheets.Table table) {
		List<RowError> errors = new ArrayList<>(table.problems());
		List<Home> homes = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Set<Integer> refused = new HashSet<>();
		table.problems().forEach(p -> refused.add(p.row()));
		for (Row row : table.rows()) {
			if (refused.contains(row.number())) {
				continue;
			}
			String error = problem(row);
			if (error == null && !seen.add(row.get("building") + "-" + row.get("unit") + "-" + row.get("room"))) {
				error = "the same home appears twice in the file 房屋重复";
			}
			if (error != null) {
				errors.add(new RowError(row.number(), error));
				continue;
			}
			homes.add(new Home(row.number(), row.get("building"), row.get("unit"), row.get("room"),
					row.get("owner_name"), row.get("owner_phone")));
		}
		if (!errors.isEmpty()) {
			errors.sort(java.util.Comparator.comparingInt(RowError::row));
			throw new ImportRejected(errors);
		}
		if (homes.isEmpty()) {
			throw new InvalidInput("file", "no rows 文件中没有数据行");
		}
		return homes;
	}

	private static String problem(Row row) {
		String building = row.get("building");
		String unit = row.get("unit");
		String room = row.get("room");
		String name = row.get("owner_name");
		String phone = row.get("owner_phone");
		if (row.values().values().stream().anyMatch(Spreadsheets::isFormula)) {
			return "text starting with = + - @ is not accepted (formula) 不接受公式";
		}
		if (building == null || unit == null || room == null) {
			return "building, unit and room are required 楼栋、单元、房号必填";
		}
		if (building.length() > 20 || unit.length() > 20 || room.length() > 20) {
			return "building, unit and room are at most 20 characters 楼栋、单元、房号最多 20 个字";
		}
		if (phone != null && (!PhoneNumber.isValid(phone) || !new PhoneNumber(phone).isMobile())) {
			return "owner_phone is not a mainland mobile number 业主手机不是有效的手机号: " + phone;
		}
		if (phone == null && name != null) {
			return "owner_phone is required with owner_name 填写业主姓名时须填写手机号";
		}
		if (phone != null && (name == null || name.length() > 50)) {
			return "owner_name is required (at most 50 characters) with owner_phone 填写手机号时须填写业主姓名";
		}
		return null;
	}

	/** Room 1203 is on floor 12; a room without a floor number counts as floor 1. */
	private static int floorOf(String room) {
		String digits = room.replaceAll("\\D", "");
		return digits.length() >= 3 && digits.length() <= 6
				? Math.max(1, Integer.parseInt(digits.substring(0, digits.length() - 2))) : 1;
	}

	private static String nameOf(String code) {
		return code.chars().allMatch(Character::isDigit) ? code + "号楼" : code;
	}

}
