package org.suxiu.property;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Actor;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Role;

/**
 * Looks up projects, sites, owners and staff for the other modules.
 */
@Service
@Transactional(readOnly = true)
public class PropertyDirectory {

	private static final String STAFF_COLUMNS = """
			s.id, s.tenant_id, s.username, s.name, s.phone, s.role, s.active, s.password_hash, s.access_version,
			ARRAY(SELECT sp.project_id FROM staff_project sp WHERE sp.staff_id = s.id) AS project_ids
			""";

	private final JdbcClient jdbc;

	PropertyDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Project> project(String code) {
		return jdbc.sql("SELECT id, tenant_id, code, name FROM project WHERE code = ?")
			.param(code)
			.query(PropertyDirectory::project)
			.optional();
	}

	public List<Project> projectsOf(long tenantId) {
		return jdbc.sql("SELECT id, tenant_id, code, name FROM project WHERE tenant_id = ? ORDER BY code")
			.param(tenantId)
			.query(PropertyDirectory::project)
			.list();
	}

	/** Whether the project takes new orders: it exists and is not archived. */
	public boolean acceptsOrders(long projectId) {
		return jdbc.sql("SELECT archived_at IS NULL FROM project WHERE id = ?")
			.param(projectId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public Optional<Site> home(String projectCode, String building, String unit, String room) {
		return jdbc.sql("""
				SELECT p.id, p.tenant_id, p.code, p.name, h.id AS home_id, b.code AS building, h.unit, h.room
				FROM project p JOIN building b ON b.project_id = p.id JOIN home h ON h.building_id = b.id
				WHERE p.code = ? AND b.code = ? AND h.unit = ? AND h.room = ?
				""").params(projectCode, building, unit, room).query(PropertyDirectory::home).optional();
	}

	public Optional<Site> commonArea(String projectCode, String name) {
		return jdbc.sql("""
				SELECT p.id, p.tenant_id, p.code, p.name, a.id AS area_id, a.name AS area, b.code AS building
				FROM project p JOIN common_area a ON a.project_id = p.id LEFT JOIN building b ON b.id = a.building_id
				WHERE p.code = ? AND a.name = ?
				""")
			.params(projectCode, name)
			.query((rs, n) -> new Site(project(rs, n), null, rs.getLong("area_id"), rs.getString("building"), null,
					null, rs.getString("area")))
			.optional();
	}

	/**
	 * The project, place and reporting owner of a new order in one round trip: a home
	 * when {@code area} is blank, else the common area; {@code reporterPhone} may be
	 * null.
	 */
	public IntakePlace intakePlace(String projectCode, String building, String unit, String room, String area,
			String reporterPhone) {
		String areaName = area == null || area.isBlank() ? null : area;
		return jdbc.sql("""
				SELECT p.id, p.tenant_id, p.code, p.name, p.archived_at IS NULL AS accepts,
				    s.home_id, s.area_id, s.building, s.unit, s.room, s.area,
				    (SELECT o.id FROM owner o WHERE o.phone = CAST(:phone AS TEXT)) AS owner_id
				FROM (SELECT 1) one
				LEFT JOIN project p ON p.code = CAST(:code AS TEXT)
				LEFT JOIN LATERAL (
				    SELECT h.id AS home_id, CAST(NULL AS BIGINT) AS area_id, b.code AS building, h.unit, h.room,
				        CAST(NULL AS TEXT) AS area
				    FROM building b JOIN home h ON h.building_id = b.id
				    WHERE CAST(:area AS TEXT) IS NULL AND b.project_id = p.id AND b.code = CAST(:building AS TEXT)
				      AND h.unit = CAST(:unit AS TEXT) AND h.room = CAST(:room AS TEXT)
				    UNION ALL
				    SELECT NULL, a.id, b.code, NULL, NULL, a.name
				    FROM common_area a LEFT JOIN building b ON b.id = a.building_id
				    WHERE CAST(:area AS TEXT) IS NOT NULL AND a.project_id = p.id AND a.name = CAST(:area AS TEXT)
				    LIMIT 1) s ON TRUE
				""")
			// typed even when null: a null sent untyped changes the statement's parameter
			// types, so the driver prepares it anew and PostgreSQL plans it on every call
			.param("phone", reporterPhone, Types.VARCHAR)
			.param("code", projectCode, Types.VARCHAR)
			.param("area", areaName, Types.VARCHAR)
			.param("building", building, Types.VARCHAR)
			.param("unit", unit, Types.VARCHAR)
			.param("room", room, Types.VARCHAR)
			.query((rs, n) -> {
				long projectId = rs.getLong("id");
				if (rs.wasNull()) {
					long owner = rs.getLong("owner_id");
					return new IntakePlace(Optional.empty(), false, Optional.empty(),
							rs.wasNull() ? Optional.empty() : Optional.of(owner));
				}
				Project project = project(rs, n);
				Long homeId = (Long) rs.getObject("home_id");
				Long areaId = (Long) rs.getObject("area_id");
				Optional<Site> site = homeId == null && areaId == null ? Optional.empty()
						: Optional.of(new Site(project, homeId, areaId, rs.getString("building"), rs.getString("unit"),
								rs.getString("room"), rs.getString("area")));
				long owner = rs.getLong("owner_id");
				return new IntakePlace(Optional.of(project), rs.getBoolean("accepts") && projectId > 0, site,
						rs.wasNull() ? Optional.empty() : Optional.of(owner));
			})
			.single();
	}

	/** The homes an owner is linked to, oldest link first. */
	public List<Site> homesOf(long ownerId) {
		return jdbc.sql("""
				SELECT p.id, p.tenant_id, p.code, p.name, h.id AS home_id, b.code AS building, h.unit, h.room
				FROM owner_home oh JOIN home h ON h.id = oh.home_id JOIN building b ON b.id = h.building_id
				JOIN project p ON p.id = b.project_id
				WHERE oh.owner_id = ? ORDER BY h.id
				""").param(ownerId).query(PropertyDirectory::home).list();
	}

	/**
	 * Where a site is: the common area's own position, else its building's, else the
	 * middle of the project's buildings.
	 */
	public Optional<GeoPoint> position(long projectId, String building, String area) {
		return jdbc.sql("""
				SELECT coalesce(a.lat, ab.lat, b.lat, c.lat) AS lat, coalesce(a.lng, ab.lng, b.lng, c.lng) AS lng
				FROM (SELECT avg(lat) AS lat, avg(lng) AS lng FROM building WHERE project_id = :project) c
				LEFT JOIN building b ON b.project_id = :project AND b.code = :building
				LEFT JOIN common_area a ON a.project_id = :project AND a.name = :area
				LEFT JOIN building ab ON ab.id = a.building_id
				""")
			.param("project", projectId)
			.param("building", building)
			.param("area", area)
			.query((rs, n) -> rs.getObject("lat") == null ? null
					: new GeoPoint(rs.getDouble("lat"), rs.getDouble("lng")))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/** The project's buildings, by code. */
	public List<PlacePoint> buildings(long projectId) {
		return jdbc.sql("SELECT code, name, lat, lng FROM building WHERE project_id = ? ORDER BY length(code), code")
			.param(projectId)
			.query((rs, n) -> new PlacePoint(rs.getString("code"), rs.getString("name"), (Double) rs.getObject("lat"),
					(Double) rs.getObject("lng")))
			.list();
	}

	/** How many homes the project has now (the base of complaints per 1,000 homes). */
	public long homeCount(long projectId) {
		return jdbc.sql("SELECT count(*) FROM home h JOIN building b ON b.id = h.building_id WHERE b.project_id = ?")
			.param(projectId)
			.query(Long.class)
			.single();
	}

	/** The project's common areas, in the order they were set up. */
	public List<String> commonAreas(long projectId) {
		return jdbc.sql("SELECT name FROM common_area WHERE project_id = ? ORDER BY id")
			.param(projectId)
			.query(String.class)
			.list();
	}

	public Optional<OwnerContact> ownerByPhone(String phone) {
		return jdbc.sql("SELECT id, name, phone FROM owner WHERE phone = ?")
			.param(phone)
			.query((rs, n) -> new OwnerContact(rs.getLong("id"), rs.getString("name"), rs.getString("phone")))
			.optional();
	}

	/** The owners of every home of a building, each once. */
	public List<OwnerContact> ownersInBuilding(long projectId, String building) {
		return jdbc.sql("""
				SELECT DISTINCT o.id, o.name, o.phone FROM owner o JOIN owner_home oh ON oh.owner_id = o.id
				JOIN home h ON h.id = oh.home_id JOIN building b ON b.id = h.building_id
				WHERE b.project_id = ? AND b.code = ? ORDER BY o.id
				""")
			.params(projectId, building)
			.query((rs, n) -> new OwnerContact(rs.getLong("id"), rs.getString("name"), rs.getString("phone")))
			.list();
	}

	/** The owners linked to a home. */
	public List<OwnerContact> ownersOf(long homeId) {
		return jdbc.sql("""
				SELECT o.id, o.name, o.phone FROM owner o JOIN owner_home oh ON oh.owner_id = o.id
				WHERE oh.home_id = ? ORDER BY o.id
				""")
			.param(homeId)
			.query((rs, n) -> new OwnerContact(rs.getLong("id"), rs.getString("name"), rs.getString("phone")))
			.list();
	}

	public Optional<Long> ownerIdByPhone(String phone) {
		return jdbc.sql("SELECT id FROM owner WHERE phone = ?").param(phone).query(Long.class).optional();
	}

	/** A staff member of the tenant, by numeric id or by username. */
	public Optional<StaffMember> staff(long tenantId, String idOrUsername) {
		// ASCII digits only: Character.isDigit also takes '٣', which PostgreSQL cannot
		// cast
		String where = !idOrUsername.isEmpty() && idOrUsername.length() < 18
				&& idOrUsername.chars().allMatch(c -> c >= '0' && c <= '9')
						? "(s.id = CAST(:key AS BIGINT) OR s.username = :key)" : "s.username = :key";
		return jdbc.sql("SELECT " + STAFF_COLUMNS + " FROM staff s WHERE s.tenant_id = :tenant AND " + where)
			.param("tenant", tenantId)
			.param("key", idOrUsername)
			.query(PropertyDirectory::staff)
			.optional();
	}

	public List<StaffMember> staffOf(long tenantId, Role role) {
		// the projects of everyone at once (one scan), not one look-up per person: a
		// dispatch decision reads all of a tenant's technicians
		return jdbc.sql("""
				SELECT s.id, s.tenant_id, s.username, s.name, s.phone, s.role, s.active, s.password_hash,
				    s.access_version, coalesce(p.project_ids, '{}') AS project_ids
				FROM staff s
				LEFT JOIN (SELECT sp.staff_id, array_agg(sp.project_id) AS project_ids FROM staff_project sp
				    JOIN staff m ON m.id = sp.staff_id WHERE m.tenant_id = :tenant AND m.role = :role
				    GROUP BY sp.staff_id) p ON p.staff_id = s.id
				WHERE s.tenant_id = :tenant AND s.role = :role ORDER BY s.username
				""").param("tenant", tenantId).param("role", role.name()).query(PropertyDirectory::staff).list();
	}

	public Optional<Account> staffAccount(String username) {
		// a suspended company's staff cannot sign in
		return jdbc.sql("SELECT " + STAFF_COLUMNS + """
				 FROM staff s JOIN tenant t ON t.id = s.tenant_id
				WHERE s.username = ? AND s.active AND t.suspended_at IS NULL
				""").param(username).query((rs, n) -> {
			StaffMember staff = staff(rs, n);
			return new Account(new Actor(staff.id(), staff.username(), staff.name(), staff.role(), staff.tenantId(),
					staff.projectIds()), rs.getString("password_hash"), rs.getInt("access_version"));
		}).optional();
	}

	/**
	 * Whether a staff member or the platform operator already signs in with this name.
	 */
	public boolean usernameTaken(String username) {
		return jdbc
			.sql("""
					SELECT EXISTS (SELECT 1 FROM staff WHERE username = :u) OR EXISTS (SELECT 1 FROM platform_operator WHERE username = :u)
					""")
			.param("u", username)
			.query(Boolean.class)
			.single();
	}

	/** A platform operator's account, who belongs to no company. */
	public Optional<Account> operatorAccount(String username) {
		return jdbc
			.sql("SELECT id, username, name, password_hash, access_version FROM platform_operator WHERE username = ?")
			.param(username)
			.query((rs,
					n) -> new Account(new Actor(rs.getLong("id"), rs.getString("username"), rs.getString("name"),
							Role.OPERATOR, null, Set.of()), rs.getString("password_hash"), rs.getInt("access_version")))
			.optional();
	}

	/** An owner's account by their id. */
	public Optional<Account> ownerAccountById(long ownerId) {
		return jdbc.sql("SELECT id, phone, name, password_hash, access_version FROM owner WHERE id = ?")
			.param(ownerId)
			.query((rs,
					n) -> new Account(new Actor(rs.getLong("id"), rs.getString("phone"), rs.getString("name"),
							Role.OWNER, null, Set.of()), rs.getString("password_hash"), rs.getInt("access_version")))
			.optional();
	}

	public Optional<Account> ownerAccount(String phone) {
		return jdbc.sql("SELECT id, phone, name, password_hash, access_version FROM owner WHERE phone = ?")
			.param(phone)
			.query((rs,
					n) -> new Account(new Actor(rs.getLong("id"), rs.getString("phone"), rs.getString("name"),
							Role.OWNER, null, Set.of()), rs.getString("password_hash"), rs.getInt("access_version")))
			.optional();
	}

	/**
	 * The current access version of a signed-in person, or empty when they may no longer
	 * sign in (a deactivated or deleted staff member, or one of a suspended company).
	 */
	public java.util.OptionalInt accessVersion(Role role, long id) {
		// a suspended company's staff lose their tokens as they lose their sign-in
		String sql = switch (role) {
			case OWNER -> "SELECT access_version FROM owner WHERE id = ?";
			case OPERATOR -> "SELECT access_version FROM platform_operator WHERE id = ?";
			default -> """
					SELECT s.access_version FROM staff s JOIN tenant t ON t.id = s.tenant_id
					WHERE s.id = ? AND s.active AND s.role = ? AND t.suspended_at IS NULL
					""";
		};
		var query = jdbc.sql(sql).param(id);
		if (role != Role.OWNER && role != Role.OPERATOR) {
			query = query.param(role.name());
		}
		return query.query(Integer.class)
			.optional()
			.map(java.util.OptionalInt::of)
			.orElse(java.util.OptionalInt.empty());
	}

	private static Project project(ResultSet rs, int row) throws SQLException {
		return new Project(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("code"), rs.getString("name"));
	}

	private static Site home(ResultSet rs, int row) throws SQLException {
		return new Site(project(rs, row), rs.getLong("home_id"), null, rs.getString("building"), rs.getString("unit"),
				rs.getString("room"), null);
	}

	private static StaffMember staff(ResultSet rs, int row) throws SQLException {
		Array array = rs.getArray("project_ids");
		Set<Long> projects = new HashSet<>(Arrays.asList((Long[]) array.getArray()));
		return new StaffMember(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("username"),
				rs.getString("name"), rs.getString("phone"), Role.valueOf(rs.getString("role")), projects,
				rs.getBoolean("active"));
	}

}
