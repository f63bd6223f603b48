package org.suxiu.property;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.InvalidInput.FieldError;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.Role;

/**
 * Imports a project's homes and their owners from CSV
 * ({@code building,unit,room,owner_name,
 * owner_phone}, or the Chinese headers 楼栋,单元,房号,业主姓名,业主手机): all rows or none, and
 * importing the same file twice changes nothing the second time.
 */
@Service
public class HomeImport {

	static final int MAX_ROWS = 20_000;

	private static final Map<String, String> HEADERS = Map.of("楼栋", "building", "单元", "unit", "房号", "room", "业主姓名",
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
	 * What an import added.
	 *
	 * @param rows data rows read
	 * @param buildings buildings created
	 * @param homes homes created
	 * @param owners owners created
	 * @param links owner-home links created
	 */
	public record Result(int rows, int buildings, int homes, int owners, int links) {
	}

	private record Row(int line, String building, String unit, String room, String ownerName, String ownerPhone) {
	}

	@Transactional
	public Result importCsv(Actor actor, String projectCode, Reader csv) {
		if (!actor.is(Role.ADMIN)) {
			throw new Forbidden("Only administrators import homes and owners");
		}
		Project project = directory.project(projectCode)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", projectCode));
		List<Row> rows = read(csv);
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
		for (Row row : rows) {
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
		return new Result(rows.size(), buildings, homes, owners, links);
	}

	private static List<Row> read(Reader csv) {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setTrim(true)
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.get();
		List<Row> rows = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
			Map<String, String> columns = new HashMap<>();
			parser.getHeaderNames()
				.forEach(h -> columns.put(HEADERS.getOrDefault(h.replace("\uFEFF", ""), h.replace("\uFEFF", "")), h));
			for (String required : List.of("building", "unit", "room")) {
				if (!columns.containsKey(required)) {
					throw new InvalidInput("file", "the header must name building, unit and room (楼栋,单元,房号)");
				}
			}
			for (CSVRecord record : parser) {
				if (rows.size() >= MAX_ROWS) {
					throw new InvalidInput("file", "at most " + MAX_ROWS + " rows per file");
				}
				Row row = row(record, columns, errors);
				if (row != null) {
					rows.add(row);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			throw new InvalidInput("file", "not a CSV file: " + ex.getMessage());
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors.subList(0, Math.min(errors.size(), 20)));
		}
		if (rows.isEmpty()) {
			throw new InvalidInput("file", "no rows");
		}
		return rows;
	}

	private static Row row(CSVRecord record, Map<String, String> columns, List<FieldError> errors) {
		String line = "line " + (record.getRecordNumber() + 1);
		String building = value(record, columns, "building");
		String unit = value(record, columns, "unit");
		String room = value(record, columns, "room");
		String name = value(record, columns, "owner_name");
		String phone = value(record, columns, "owner_phone");
		if (building == null || unit == null || room == null) {
			errors.add(new FieldError(line, "building, unit and room are required"));
			return null;
		}
		if (building.length() > 20 || unit.length() > 20 || room.length() > 20) {
			errors.add(new FieldError(line, "building, unit and room are at most 20 characters"));
			return null;
		}
		if (phone != null && (!PhoneNumber.isValid(phone) || !new PhoneNumber(phone).isMobile())) {
			errors.add(new FieldError(line, "owner_phone is not a mainland mobile number: " + phone));
			return null;
		}
		if (phone != null && (name == null || name.length() > 50)) {
			errors.add(new FieldError(line, "owner_name is required (at most 50 characters) with owner_phone"));
			return null;
		}
		return new Row((int) record.getRecordNumber() + 1, building, unit, room, name, phone);
	}

	private static String value(CSVRecord record, Map<String, String> columns, String column) {
		String header = columns.get(column);
		if (header == null || !record.isSet(header)) {
			return null;
		}
		String value = record.get(header).trim();
		return value.isEmpty() ? null : value;
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
