package org.suxiu.property;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
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
 * What an administrator changes about their own property company: staff accounts and
 * roles, and where the buildings are. Every method checks that the actor is an ADMIN and
 * touches only the actor's tenant.
 */
@Service
@Transactional
public class PropertyAdministration {

	private final JdbcClient jdbc;

	private final PropertyDirectory directory;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PropertyAdministration(JdbcClient jdbc, PropertyDirectory directory, PasswordEncoder passwords, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.directory = directory;
		this.passwords = passwords;
		this.clock = clock;
	}

	/** The tenant's staff, active or not, by username. */
	@Transactional(readOnly = true)
	public List<StaffMember> staff(Actor admin) {
		long tenant = tenantOf(admin);
		List<StaffMember> all = new ArrayList<>();
		for (Role role : Role.values()) {
			if (role.isStaff()) {
				all.addAll(directory.staffOf(tenant, role));
			}
		}
		all.sort(java.util.Comparator.comparing(StaffMember::username));
		return all;
	}

	/** Adds a staff member who can sign in at once with {@code password}. */
	public StaffMember addStaff(Actor admin, NewStaff staff) {
		long tenant = tenantOf(admin);
		List<FieldError> errors = new ArrayList<>();
		if (!isStaffUsername(staff.username())) {
			errors.add(new FieldError("username",
					"3–40 letters, digits, '.', '_' or '-', starting with a letter (mobile numbers are owners' sign-in names) "
							+ "3–40 位字母、数字或 ._-，须以字母开头（手机号是业主的登录名）"));
		}
		if (staff.name() == null || staff.name().isBlank() || staff.name().length() > 60) {
			errors.add(new FieldError("name", "is required 必填"));
		}
		if (staff.phone() != null && !staff.phone().isBlank() && !PhoneNumber.isValid(staff.phone())) {
			errors.add(new FieldError("phone", "not a mobile number 手机号格式不正确"));
		}
		if (staff.role() == null || !staff.role().isStaff()) {
			errors.add(new FieldError("role", "choose a staff role 请选择角色"));
		}
		if (staff.password() == null || staff.password().length() < 8) {
			errors.add(new FieldError("password", "at least 8 characters 至少 8 位"));
		}
		Set<Long> projects = staff.projectIds() == null ? Set.of() : staff.projectIds();
		List<Long> own = directory.projectsOf(tenant).stream().map(Project::id).toList();
		if (!own.containsAll(projects)) {
			errors.add(new FieldError("projects", "not a project of yours 不是本公司的项目"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO staff (tenant_id, username, name, phone, role, password_hash, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
					""")
				.params(tenant, staff.username(), staff.name().strip(),
						staff.phone() == null || staff.phone().isBlank() ? null : staff.phone().strip(),
						staff.role().name(), passwords.encode(staff.password()), Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInput("username", "is taken 用户名已被使用");
		}
		projects.forEach(
				p -> jdbc.sql("INSERT INTO staff_project (staff_id, project_id) VALUES (?, ?)").params(id, p).update());
		return directory.staff(tenant, String.valueOf(id)).orElseThrow();
	}

	/** Changes a staff member's role and whether they may sign in. */
	public StaffMember change(Actor admin, long staffId, Role role, boolean active) {
		if (role == null || !role.isStaff()) {
			throw new InvalidInput("role", "choose a staff role 请选择角色");
		}
		return change(admin, staffId, new StaffChange(active, role, null, null));
	}

	/** One of the tenant's staff members, by id; 404 for anybody else's. */
	@Transactional(readOnly = true)
	public StaffMember staffMember(Actor admin, long staffId) {
		long tenant = tenantOf(admin);
		return directory.staff(tenant, String.valueOf(staffId))
			.filter(s -> s.id() == staffId)
			.orElseThrow(() -> new NotFound("Staff", String.valueOf(staffId)));
	}

	/**
	 * Changes what is given of a staff member: whether they may sign in, their role, the
	 * projects they serve, their password. Any real change ends the tokens and page
	 * sessions they hold ({@link StaffAccessChanged}).
	 */
	public StaffMember change(Actor admin, long staffId, StaffChange change) {
		long tenant = tenantOf(admin);
		StaffMember member = staffMember(admin, staffId);
		boolean active = change.active() == null ? member.active() : change.active();
		Role role = change.role() == null ? member.role() : change.role();
		List<FieldError> errors = new ArrayList<>();
		if (!role.isStaff()) {
			errors.add(new FieldError("role", "choose a staff role 请选择角色"));
		}
		if (member.id() == admin.id() && (role != Role.ADMIN || !active)) {
			errors.add(new FieldError("role", "you cannot demote or deactivate yourself 不能降级或停用自己"));
		}
		Set<Long> projects = change.projectIds() == null ? member.projectIds() : change.projectIds();
		List<Long> own = directory.projectsOf(tenant).stream().map(Project::id).toList();
		if (!own.containsAll(projects)) {
			errors.add(new FieldError("projects", "not a project of yours 不是本公司的项目"));
		}
		if (change.password() != null && change.password().length() < 8) {
			errors.add(new FieldError("password", "at least 8 characters 至少 8 位"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		boolean changed = active != member.active() || role != member.role() || !projects.equals(member.projectIds())
				|| change.password() != null;
		if (!changed) {
			return member;
		}
		jdbc.sql(
				"UPDATE staff SET role = ?, active = ?, access_version = access_version + 1 WHERE id = ? AND tenant_id = ?")
			.params(role.name(), active, staffId, tenant)
			.update();
		if (change.password() != null) {
			jdbc.sql("UPDATE staff SET password_hash = ? WHERE id = ?")
				.params(passwords.encode(change.password()), staffId)
				.update();
		}
		if (!projects.equals(member.projectIds())) {
			jdbc.sql("DELETE FROM staff_project WHERE staff_id = ?").param(staffId).update();
			projects.forEach(p -> jdbc.sql("INSERT INTO staff_project (staff_id, project_id) VALUES (?, ?)")
				.params(staffId, p)
				.update());
		}
		int version = jdbc.sql("SELECT access_version FROM staff WHERE id = ?")
			.param(staffId)
			.query(Integer.class)
			.single();
		events.publishEvent(new StaffAccessChanged(staffId, tenant, member.username(), version));
		return directory.staff(tenant, String.valueOf(staffId)).orElseThrow();
	}

	/**
	 * A staff sign-in name: it starts with a letter, so it can never be a mobile number,
	 * which is an owner's sign-in name; no owner import can shadow a staff member.
	 */
	public static boolean isStaffUsername(String username) {
		return username != null && username.matches("[A-Za-z][A-Za-z0-9._-]{2,39}");
	}

	/**
	 * Moves a building of one of the admin's projects; feeds site plans and travel times.
	 */
	public void moveBuilding(Actor admin, String projectCode, String building, double lat, double lng) {
		tenantOf(admin);
		Project project = directory.project(projectCode)
			.filter(p -> admin.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", projectCode));
		if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) {
			throw new InvalidInput("lat", "latitude −90…90, longitude −180…180 纬度或经度超出范围");
		}
		int changed = jdbc.sql("UPDATE building SET lat = ?, lng = ? WHERE project_id = ? AND code = ?")
			.params(lat, lng, project.id(), building)
			.update();
		if (changed == 0) {
			throw new NotFound("Building", building);
		}
	}

	private static long tenantOf(Actor admin) {
		if (!admin.is(Role.ADMIN) || admin.tenantId() == null) {
			throw new Forbidden("Only administrators manage staff and buildings");
		}
		return admin.tenantId();
	}

	/**
	 * What to change of a staff member; {@code null} leaves a part as it is.
	 *
	 * @param active whether they may sign in
	 * @param role what they do
	 * @param projectIds the projects they serve; empty means all
	 * @param password a new password
	 */
	public record StaffChange(Boolean active, Role role, Set<Long> projectIds, String password) {
	}

	/**
	 * A staff member to add.
	 *
	 * @param username login name
	 * @param name display name
	 * @param phone mobile number, may be blank
	 * @param role what they do
	 * @param password initial password
	 * @param projectIds projects they serve; empty means all
	 */
	public record NewStaff(String username, String name, String phone, Role role, String password,
			Set<Long> projectIds) {
	}

}
