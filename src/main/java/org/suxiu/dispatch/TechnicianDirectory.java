package org.suxiu.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Role;

/**
 * Technicians' dispatch profiles and jobs in hand. A technician without a profile yet is
 * on duty with no skills (a supervisor sets them).
 */
@Repository
public class TechnicianDirectory {

	/** The columns {@link #job} reads, in its order. */
	private static final String JOB_COLUMNS = "order_number, technician_id, grade, category, status, lat, lng, "
			+ "dispatched_at, started_at, arrive_by";

	private final JdbcClient jdbc;

	private final PropertyDirectory property;

	private final int defaultMaxOpenJobs;

	TechnicianDirectory(JdbcClient jdbc, PropertyDirectory property,
			@Value("${suxiu.dispatch.max-open-jobs:5}") int defaultMaxOpenJobs) {
		this.jdbc = jdbc;
		this.property = property;
		this.defaultMaxOpenJobs = defaultMaxOpenJobs;
	}

	/** The tenant's active technicians with their profiles, by username. */
	public List<Technician> technicians(long tenantId) {
		List<StaffMember> staff = property.staffOf(tenantId, Role.TECHNICIAN)
			.stream()
			.filter(StaffMember::active)
			.toList();
		Map<Long, Profile> profiles = new HashMap<>();
		jdbc.sql("SELECT staff_id, status, lat, lng, position_at, max_open_jobs FROM technician WHERE tenant_id = ?")
			.param(tenantId)
			.query((rs, n) -> profiles.put(rs.getLong(1), profile(rs)))
			.list();
		Map<Long, Map<Category, Integer>> skills = new HashMap<>();
		jdbc.sql("""
				SELECT k.staff_id, k.category, k.level FROM technician_skill k
				JOIN technician t ON t.staff_id = k.staff_id WHERE t.tenant_id = ?
				""")
			.param(tenantId)
			.query((rs, n) -> skills.computeIfAbsent(rs.getLong(1), id -> new EnumMap<>(Category.class))
				.put(Category.valueOf(rs.getString(2)), rs.getInt(3)))
			.list();
		Map<Long, List<Shift>> shifts = new HashMap<>();
		jdbc.sql("""
				SELECT s.staff_id, s.day_of_week, s.starts, s.ends, s.on_call FROM technician_shift s
				JOIN technician t ON t.staff_id = s.staff_id WHERE t.tenant_id = ? ORDER BY s.id
				""").param(tenantId).query((rs, n) -> {
			int day = rs.getInt(2);
			DayOfWeek dayOfWeek = rs.wasNull() ? null : DayOfWeek.of(day);
			return shifts.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new Shift(dayOfWeek, rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class),
						rs.getBoolean(5)));
		}).list();
		return staff.stream().map(s -> {
			Profile p = profiles.getOrDefault(s.id(), Profile.NONE);
			return new Technician(s.id(), s.tenantId(), s.username(), s.name(), s.phone(), p.status(), p.position(),
					p.positionAt(), p.maxOpenJobs() == null ? defaultMaxOpenJobs : p.maxOpenJobs(),
					skills.getOrDefault(s.id(), Map.of()), shifts.getOrDefault(s.id(), List.of()), s.projectIds());
		}).toList();
	}

	Optional<Technician> technician(long tenantId, String idOrUsername) {
		return property.staff(tenantId, idOrUsername)
			.filter(s -> s.role() == Role.TECHNICIAN)
			.flatMap(s -> technicians(tenantId).stream().filter(t -> t.id() == s.id()).findFirst());
	}

	/** Every job in hand of the tenant's technicians, oldest dispatch first. */
	public List<Job> jobs(long tenantId) {
		return jdbc.sql("SELECT " + JOB_COLUMNS + " FROM dispatch_job WHERE tenant_id = ? ORDER BY dispatched_at")
			.param(tenantId)
			.query(TechnicianDirectory::job)
			.list();
	}

	/**
	 * The jobs in hand of these technicians, oldest dispatch first, one order left out
	 * (the one being placed).
	 */
	List<Job> jobsOf(Collection<Long> technicianIds, String except) {
		if (technicianIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT " + JOB_COLUMNS
					+ " FROM dispatch_job WHERE technician_id = ANY(?) AND order_number <> ? ORDER BY dispatched_at")
			.params(technicianIds.toArray(Long[]::new), except)
			.query(TechnicianDirectory::job)
			.list();
	}

	/**
	 * How many jobs each of the tenant's technicians holds (those holding none left out),
	 * one order left out (the one being placed).
	 */
	Map<Long, Integer> jobCounts(long tenantId, String except) {
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql("""
				SELECT technician_id, count(*) FROM dispatch_job WHERE tenant_id = ? AND order_number <> ?
				GROUP BY technician_id
				""").params(tenantId, except).query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
		return counts;
	}

	/** The project's emergencies dispatched or taken, nobody on site yet. */
	List<String> emergenciesOnTheWay(long projectId) {
		return jdbc.sql("""
				SELECT order_number FROM dispatch_job
				WHERE project_id = ? AND grade = 'L1' AND status IN ('DISPATCHED', 'TAKEN')
				""").param(projectId).query(String.class).list();
	}

	List<Job> jobsOf(long technicianId) {
		return jdbc.sql("SELECT " + JOB_COLUMNS + " FROM dispatch_job WHERE technician_id = ? ORDER BY dispatched_at")
			.param(technicianId)
			.query(TechnicianDirectory::job)
			.list();
	}

	void ensureProfile(long staffId, long tenantId) {
		jdbc.sql("INSERT INTO technician (staff_id, tenant_id) VALUES (?, ?) ON CONFLICT (staff_id) DO NOTHING")
			.params(staffId, tenantId)
			.update();
	}

	/** Locks the technician's profile row until the caller's transaction ends. */
	void lockProfile(long staffId, long tenantId) {
		ensureProfile(staffId, tenantId);
		jdbc.sql("SELECT staff_id FROM technician WHERE staff_id = ? FOR UPDATE").param(staffId).query().listOfRows();
	}

	void setStatus(long staffId, long tenantId, TechnicianStatus status) {
		ensureProfile(staffId, tenantId);
		jdbc.sql("UPDATE technician SET status = ? WHERE staff_id = ?").params(status.name(), staffId).update();
	}

	void setPosition(long staffId, long tenantId, GeoPoint position, Instant at) {
		ensureProfile(staffId, tenantId);
		jdbc.sql("UPDATE technician SET lat = ?, lng = ?, position_at = ? WHERE staff_id = ?")
			.params(position.lat(), position.lng(), Timestamp.from(at), staffId)
			.update();
	}

	void setSkills(long staffId, long tenantId, Map<Category, Integer> skills) {
		ensureProfile(staffId, tenantId);
		jdbc.sql("DELETE FROM technician_skill WHERE staff_id = ?").param(staffId).update();
		skills.forEach((category, level) -> jdbc
			.sql("INSERT INTO technician_skill (staff_id, category, level) VALUES (?, ?, ?)")
			.params(staffId, category.name(), level)
			.update());
	}

	void setShifts(long staffId, long tenantId, List<Shift> shifts) {
		ensureProfile(staffId, tenantId);
		jdbc.sql("DELETE FROM technician_shift WHERE staff_id = ?").param(staffId).update();
		shifts.forEach(s -> jdbc.sql("""
				INSERT INTO technician_shift (staff_id, day_of_week, starts, ends, on_call) VALUES (?, ?, ?, ?, ?)
				""")
			.params(staffId, s.dayOfWeek() == null ? null : s.dayOfWeek().getValue(), java.sql.Time.valueOf(s.from()),
					java.sql.Time.valueOf(s.to()), s.onCall())
			.update());
	}

	/** staff_id, status, lat, lng, position_at, max_open_jobs, by position. */
	private static Profile profile(ResultSet rs) throws SQLException {
		double lat = rs.getDouble(3);
		GeoPoint position = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble(4));
		OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
		return new Profile(TechnicianStatus.valueOf(rs.getString(2)), position, at == null ? null : at.toInstant(),
				(Integer) rs.getObject(6));
	}

	private static Job job(ResultSet rs, int row) throws SQLException {
		// by position (JOB_COLUMNS): a decision reads a few hundred of these
		double lat = rs.getDouble(6);
		GeoPoint site = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble(7));
		OffsetDateTime started = rs.getObject(9, OffsetDateTime.class);
		OffsetDateTime arriveBy = rs.getObject(10, OffsetDateTime.class);
		return new Job(rs.getString(1), rs.getLong(2), org.suxiu.shared.Grade.valueOf(rs.getString(3)),
				Category.valueOf(rs.getString(4)), rs.getString(5), site,
				rs.getObject(8, OffsetDateTime.class).toInstant(), started == null ? null : started.toInstant(),
				arriveBy == null ? null : arriveBy.toInstant());
	}

	private record Profile(TechnicianStatus status, GeoPoint position, Instant positionAt, Integer maxOpenJobs) {

		static final Profile NONE = new Profile(TechnicianStatus.ON_DUTY, null, null, null);

	}

}
