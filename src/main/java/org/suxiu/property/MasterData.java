package org.suxiu.property;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.InvalidInput.FieldError;
import org.suxiu.shared.NotFound;

/**
 * A company's projects (小区) as its administrator sets them up, for the API and the pages
 * alike. A new project needs no SLA set-up: until someone edits it, the SLA module
 * applies the shipped default policy and calendar to every project. Archiving keeps the
 * project's orders and refuses new ones.
 */
@Service
@Transactional
public class MasterData {

	private static final String COLUMNS = """
			p.code, p.name, p.address, p.city, p.lat, p.lng, p.hotline, p.sms_signature, p.archived_at, p.created_at,
			(SELECT count(*) FROM building b WHERE b.project_id = p.id) AS buildings,
			(SELECT count(*) FROM common_area a WHERE a.project_id = p.id) AS areas,
			(SELECT count(*) FROM home h JOIN building b ON b.id = h.building_id WHERE b.project_id = p.id) AS homes
			""";

	private final JdbcClient jdbc;

	private final PropertyDirectory directory;

	private final Clock clock;

	MasterData(JdbcClient jdbc, PropertyDirectory directory, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	/** The company's projects by code, archived ones too. */
	@Transactional(readOnly = true)
	public List<ProjectDetails> projects(Actor admin) {
		long tenant = AdminScope.tenantOf(admin);
		return jdbc.sql("SELECT " + COLUMNS + " FROM project p WHERE p.tenant_id = ? ORDER BY p.code")
			.param(tenant)
			.query(MasterData::details)
			.list();
	}

	@Transactional(readOnly = true)
	public ProjectDetails project(Actor admin, String code) {
		Project project = AdminScope.project(directory, admin, code);
		return jdbc.sql("SELECT " + COLUMNS + " FROM project p WHERE p.id = ?")
			.param(project.id())
			.query(MasterData::details)
			.single();
	}

	/** Sets up a project; its code must be unused across the installation. */
	public ProjectDetails create(Actor admin, NewProject project) {
		long tenant = AdminScope.tenantOf(admin);
		List<FieldError> errors = new ArrayList<>();
		if (project.code() == null || !project.code().matches("[A-Za-z0-9_-]{2,20}")) {
			errors.add(new FieldError("code", "2–20 letters, digits, '_' or '-' 2–20 位字母、数字、_ 或 -"));
		}
		ProjectChecks.text(errors, "name", project.name(), 60, true);
		ProjectChecks.particulars(errors, project.address(), project.city(), project.lat(), project.lng(),
				project.hotline(), project.smsSignature());
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		try {
			jdbc.sql(
					"""
							INSERT INTO project (tenant_id, code, name, address, city, lat, lng, hotline, sms_signature, created_at)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
							""")
				.params(tenant, project.code(), project.name().strip(), ProjectChecks.blankToNull(project.address()),
						ProjectChecks.blankToNull(project.city()), project.lat(), project.lng(),
						ProjectChecks.blankToNull(project.hotline()), ProjectChecks.signature(project.smsSignature()),
						Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateEntry("Project code 项目编码", project.code());
		}
		return project(admin, project.code());
	}

	/**
	 * Changes the members given (null leaves a member as it is); archives or restores.
	 */
	public ProjectDetails change(Actor admin, String code, ProjectChanges changes) {
		Project project = AdminScope.project(directory, admin, code);
		List<FieldError> errors = new ArrayList<>();
		ProjectChecks.text(errors, "name", changes.name(), 60, false);
		ProjectChecks.particulars(errors, changes.address(), changes.city(), changes.lat(), changes.lng(),
				changes.hotline(), changes.smsSignature());
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		jdbc.sql("""
				UPDATE project SET name = coalesce(:name, name), address = coalesce(:address, address),
				  city = coalesce(:city, city), lat = coalesce(:lat, lat), lng = coalesce(:lng, lng),
				  hotline = coalesce(:hotline, hotline), sms_signature = coalesce(:signature, sms_signature),
				  archived_at = CASE WHEN :archived IS NULL THEN archived_at
				                     WHEN :archived THEN coalesce(archived_at, :now) ELSE NULL END
				WHERE id = :id
				""")
			.param("name", changes.name() == null ? null : changes.name().strip())
			.param("address", changes.address())
			.param("city", changes.city())
			.param("lat", changes.lat(), java.sql.Types.DOUBLE)
			.param("lng", changes.lng(), java.sql.Types.DOUBLE)
			.param("hotline", changes.hotline())
			.param("signature", ProjectChecks.signature(changes.smsSignature()))
			.param("archived", changes.archived(), java.sql.Types.BOOLEAN)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", project.id())
			.update();
		return project(admin, code);
	}

	/** The company's name as its staff and owners see it. */
	@Transactional(readOnly = true)
	public String companyName(Actor admin) {
		return jdbc.sql("SELECT name FROM tenant WHERE id = ?")
			.param(AdminScope.tenantOf(admin))
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("Company", String.valueOf(admin.tenantId())));
	}

	public void renameCompany(Actor admin, String name) {
		long tenant = AdminScope.tenantOf(admin);
		List<FieldError> errors = new ArrayList<>();
		ProjectChecks.text(errors, "name", name, 60, true);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		jdbc.sql("UPDATE tenant SET name = ? WHERE id = ?").params(name.strip(), tenant).update();
	}

	private static ProjectDetails details(ResultSet rs, int row) throws SQLException {
		Timestamp created = rs.getTimestamp("created_at");
		return new ProjectDetails(rs.getString("code"), rs.getString("name"), rs.getString("address"),
				rs.getString("city"), (Double) rs.getObject("lat"), (Double) rs.getObject("lng"),
				rs.getString("hotline"), rs.getString("sms_signature"), rs.getTimestamp("archived_at") != null,
				rs.getInt("buildings"), rs.getInt("areas"), rs.getInt("homes"),
				created == null ? null : created.toInstant());
	}

	/**
	 * A project to set up.
	 *
	 * @param code public code
	 * @param name display name
	 * @param address street address
	 * @param city city
	 * @param lat latitude, may be null
	 * @param lng longitude, may be null
	 * @param hotline service hotline
	 * @param smsSignature SMS signature, with or without 【】
	 */
	public record NewProject(String code, String name, String address, String city, Double lat, Double lng,
			String hotline, String smsSignature) {
	}

	/**
	 * Changes to a project; a null member stays as it is.
	 *
	 * @param name display name
	 * @param address street address
	 * @param city city
	 * @param lat latitude
	 * @param lng longitude
	 * @param hotline service hotline
	 * @param smsSignature SMS signature
	 * @param archived {@code true} archives, {@code false} restores
	 */
	public record ProjectChanges(String name, String address, String city, Double lat, Double lng, String hotline,
			String smsSignature, Boolean archived) {
	}

}
