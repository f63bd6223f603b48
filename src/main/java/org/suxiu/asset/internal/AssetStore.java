package org.suxiu.asset.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.asset.AssetStatus;
import org.suxiu.asset.AssetType;
import org.suxiu.asset.AssetView;

/** The register's rows: the asset module owns table {@code asset}. */
@Repository
class AssetStore {

	private final JdbcClient jdbc;

	AssetStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AssetView> find(long id) {
		return jdbc.sql("SELECT * FROM asset WHERE id = ?").param(id).query(AssetStore::row).optional();
	}

	Optional<AssetView> byName(long projectId, String name) {
		return jdbc.sql("SELECT * FROM asset WHERE project_id = ? AND name = ?")
			.params(projectId, name)
			.query(AssetStore::row)
			.optional();
	}

	List<AssetView> list(long projectId, AssetType type) {
		return jdbc.sql(
				"SELECT * FROM asset WHERE project_id = ? AND (CAST(? AS TEXT) IS NULL OR type = ?) ORDER BY type, name")
			.params(projectId, type == null ? null : type.name(), type == null ? null : type.name())
			.query(AssetStore::row)
			.list();
	}

	/** Inserts, or answers empty when the name is taken in the project. */
	Optional<Long> insert(Entry e, Instant now) {
		return jdbc
			.sql("""
					INSERT INTO asset (tenant_id, project_id, project_code, area, building, type, name, maker, model, serial,
					    installed_on, registration_code, contractor, contract_ends, status, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (project_id, name) DO NOTHING
					RETURNING id
					""")
			.params(e.tenantId(), e.projectId(), e.projectCode(), e.place(), e.building(), e.type().name(), e.name(),
					e.maker(), e.model(), e.serial(), date(e.installedOn()), e.registrationCode(), e.contractor(),
					date(e.contractEnds()), e.status().name(), Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/** Replaces the particulars of the asset of that name. */
	void update(long id, Entry e, Instant now) {
		jdbc.sql("""
				UPDATE asset SET area = ?, building = ?, type = ?, maker = ?, model = ?, serial = ?, installed_on = ?,
				    registration_code = ?, contractor = ?, contract_ends = ?, status = ?, updated_at = ?,
				    version = version + 1
				WHERE id = ?
				""")
			.params(e.place(), e.building(), e.type().name(), e.maker(), e.model(), e.serial(), date(e.installedOn()),
					e.registrationCode(), e.contractor(), date(e.contractEnds()), e.status().name(),
					Timestamp.from(now), id)
			.update();
	}

	/** Changes the status if the version is still {@code version}; answers whether. */
	boolean changeStatus(long id, AssetStatus status, int version, Instant now) {
		return jdbc
			.sql("UPDATE asset SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
			.params(status.name(), Timestamp.from(now), id, version)
			.update() == 1;
	}

	/** Whether the asset stands in the project. */
	boolean standsIn(long assetId, long projectId) {
		return jdbc.sql("SELECT count(*) FROM asset WHERE id = ? AND project_id = ?")
			.params(assetId, projectId)
			.query(Long.class)
			.single() > 0;
	}

	/** An asset's particulars with its resolved project and place. */
	record Entry(long tenantId, long projectId, String projectCode, String place, String building, AssetType type,
			String name, String maker, String model, String serial, LocalDate installedOn, String registrationCode,
			String contractor, LocalDate contractEnds, AssetStatus status) {
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

	private static LocalDate day(ResultSet rs, String column) throws SQLException {
		Date value = rs.getDate(column);
		return value == null ? null : value.toLocalDate();
	}

	static AssetView row(ResultSet rs, int n) throws SQLException {
		return new AssetView(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("project_id"),
				rs.getString("project_code"), rs.getString("area"), rs.getString("building"),
				AssetType.valueOf(rs.getString("type")), rs.getString("name"), rs.getString("maker"),
				rs.getString("model"), rs.getString("serial"), day(rs, "installed_on"),
				rs.getString("registration_code"), rs.getString("contractor"), day(rs, "contract_ends"),
				AssetStatus.valueOf(rs.getString("status")), rs.getInt("version"));
	}

}
