package org.suxiu.property;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
import org.suxiu.shared.Role;

/**
 * The property companies one installation hosts, for the platform operator only: create
 * one with its first administrator, list them, suspend or restore one. A suspended
 * company's staff cannot sign in; its data stays.
 */
@Service
@Transactional
public class Companies {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	Companies(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<CompanyDetails> list(Actor operator) {
		requireOperator(operator);
		return jdbc.sql("SELECT id, code, name, suspended_at, created_at FROM tenant ORDER BY id")
			.query(Companies::details)
			.list();
	}

	/** Creates a company and its first administrator, who can sign in at once. */
	public CompanyDetails create(Actor operator, NewCompany company) {
		requireOperator(operator);
		List<FieldError> errors = new ArrayList<>();
		ProjectChecks.text(errors, "name", company.name(), 60, true);
		if (company.code() != null && !company.code().matches("[a-z0-9-]{2,30}")) {
			errors.add(new FieldError("code", "2–30 lower-case letters, digits or '-' 2–30 位小写字母、数字或 -"));
		}
		if (company.adminUsername() == null || !company.adminUsername().matches("[A-Za-z][A-Za-z0-9._-]{2,39}")) {
			errors.add(new FieldError("adminUsername",
					"3–40 letters, digits, '.', '_' or '-', starting with a letter 以字母开头，3–40 位字母、数字或 ._-"));
		}
		if (company.adminPassword() == null || company.adminPassword().length() < 12) {
			errors.add(new FieldError("adminPassword", "at least 12 characters 至少 12 位"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Timestamp now = Timestamp.from(clock.instant());
		long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('tenant', 'id'))").query(Long.class).single();
		String code = company.code() != null ? company.code() : "c" + id;
		try {
			jdbc.sql("INSERT INTO tenant (id, code, name, created_at) VALUES (?, ?, ?, ?)")
				.params(id, code, company.name().strip(), now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateEntry("Company code 公司编码", code);
		}
		if (jdbc.sql("SELECT count(*) FROM platform_operator WHERE username = ?")
			.param(company.adminUsername())
			.query(Long.class)
			.single() > 0) {
			throw new DuplicateEntry("Username 用户名", company.adminUsername());
		}
		try {
			jdbc.sql("""
					INSERT INTO staff (tenant_id, username, name, role, password_hash, created_at)
					VALUES (?, ?, '管理员', 'ADMIN', ?, ?)
					""").params(id, company.adminUsername(), passwords.encode(company.adminPassword()), now).update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateEntry("Username 用户名", company.adminUsername());
		}
		return get(id);
	}

	/** Suspends a company (its staff are shut out) or restores it. */
	public CompanyDetails suspend(Actor operator, long id, boolean suspended) {
		requireOperator(operator);
		int changed = jdbc.sql("""
				UPDATE tenant SET suspended_at = CASE WHEN ? THEN coalesce(suspended_at, ?) ELSE NULL END WHERE id = ?
				""").params(suspended, Timestamp.from(clock.instant()), id).update();
		if (changed == 0) {
			throw new NotFound("Company", String.valueOf(id));
		}
		return get(id);
	}

	private CompanyDetails get(long id) {
		return jdbc.sql("SELECT id, code, name, suspended_at, created_at FROM tenant WHERE id = ?")
			.param(id)
			.query(Companies::details)
			.optional()
			.orElseThrow(() -> new NotFound("Company", String.valueOf(id)));
	}

	private static CompanyDetails details(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp created = rs.getTimestamp("created_at");
		return new CompanyDetails(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getTimestamp("suspended_at") != null, created == null ? null : created.toInstant());
	}

	private static void requireOperator(Actor actor) {
		if (actor == null || !actor.is(Role.OPERATOR)) {
			throw new Forbidden("Only the platform operator manages companies");
		}
	}

	/**
	 * A company to create with its first administrator.
	 *
	 * @param name the company's name
	 * @param code short code, may be null (then {@code c} + its id)
	 * @param adminUsername the first administrator's username
	 * @param adminPassword their initial password, 12 characters or more
	 */
	public record NewCompany(String name, String code, String adminUsername, String adminPassword) {
	}

}
