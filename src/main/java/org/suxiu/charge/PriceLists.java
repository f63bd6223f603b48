package org.suxiu.charge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.charge.internal.ChargeAccess;
import org.suxiu.charge.internal.PriceCsv;
import org.suxiu.property.Project;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;

/**
 * Each project's price list and paid-or-free rules: read by its staff, replaced as a
 * whole (all items or none) by its managers and administrators, also as CSV.
 */
@Service
public class PriceLists {

	private final JdbcClient jdbc;

	private final ChargeAccess access;

	private final Clock clock;

	private final SuxiuProperties properties;

	PriceLists(JdbcClient jdbc, ChargeAccess access, Clock clock, SuxiuProperties properties) {
		this.jdbc = jdbc;
		this.access = access;
		this.clock = clock;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	public PriceList read(Actor actor, String projectCode) {
		Project project = access.project(actor, projectCode);
		return new PriceList(project.code(), rules(project.id()), items(project.id()));
	}

	/** The items whose price applies today, for the technician's quote form. */
	@Transactional(readOnly = true)
	public List<PriceItem> current(Actor actor, String projectCode) {
		Project project = access.project(actor, projectCode);
		LocalDate today = today();
		return items(project.id()).stream().filter(i -> i.appliesOn(today)).toList();
	}

	@Transactional
	public PriceList replace(Actor actor, String projectCode, PriceList input) {
		Project project = access.project(actor, projectCode, Role.ADMIN, Role.MANAGER);
		ChargeRules rules = input.rules() == null ? rules(project.id()) : input.rules();
		List<PriceItem> items = input.items() == null ? List.of() : input.items();
		check(rules, items);
		jdbc.sql("DELETE FROM price_item WHERE project_id = ?").param(project.id()).update();
		for (PriceItem item : items) {
			jdbc.sql("""
					INSERT INTO price_item (project_id, tenant_id, code, name, kind, unit, unit_price_fen, chargeable,
					    effective_from, effective_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(project.id(), project.tenantId(), item.code().trim(), item.name().trim(), item.kind().name(),
						item.unit().trim(), item.unitPriceFen(), item.chargeable(), item.effectiveFrom(),
						item.effectiveTo())
				.update();
		}
		jdbc.sql("""
				INSERT INTO charge_rule (project_id, tenant_id, callout_fee_fen, fee_covered, home_warranty_until)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (project_id) DO UPDATE SET callout_fee_fen = EXCLUDED.callout_fee_fen,
				    fee_covered = EXCLUDED.fee_covered, home_warranty_until = EXCLUDED.home_warranty_until
				""")
			.params(project.id(), project.tenantId(), rules.calloutFeeFen(),
					rules.feeCovered().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
					rules.homeWarrantyUntil())
			.update();
		return new PriceList(project.code(), rules(project.id()), items(project.id()));
	}

	@Transactional(readOnly = true)
	public String csv(Actor actor, String projectCode) {
		return PriceCsv.write(read(actor, projectCode).items());
	}

	/**
	 * Replaces the items from CSV (the rules stay); every bad row is named, nothing
	 * saved.
	 */
	@Transactional
	public PriceList importCsv(Actor actor, String projectCode, String text) {
		access.project(actor, projectCode, Role.ADMIN, Role.MANAGER);
		return replace(actor, projectCode, new PriceList(projectCode, null, PriceCsv.read(text)));
	}

	Optional<PriceItem> item(long projectId, String code, LocalDate day) {
		return items(projectId).stream().filter(i -> i.code().equals(code) && i.appliesOn(day)).findFirst();
	}

	/** Every item of the project, every date, oldest price first. */
	List<PriceItem> all(long projectId) {
		return items(projectId);
	}

	ChargeRules rules(long projectId) {
		return jdbc
			.sql("SELECT callout_fee_fen, fee_covered, home_warranty_until FROM charge_rule WHERE project_id = ?")
			.param(projectId)
			.query((rs, n) -> new ChargeRules(rs.getLong(1), categories(rs.getString(2)),
					rs.getObject(3, LocalDate.class)))
			.optional()
			.orElse(ChargeRules.DEFAULT);
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(properties.zone()));
	}

	private List<PriceItem> items(long projectId) {
		return jdbc.sql("""
				SELECT code, name, kind, unit, unit_price_fen, chargeable, effective_from, effective_to
				FROM price_item WHERE project_id = ? ORDER BY code, effective_from
				""")
			.param(projectId)
			.query((rs, n) -> new PriceItem(rs.getString(1), rs.getString(2), ItemKind.valueOf(rs.getString(3)),
					rs.getString(4), rs.getLong(5), rs.getBoolean(6), rs.getObject(7, LocalDate.class),
					rs.getObject(8, LocalDate.class)))
			.list();
	}

	private static Set<Category> categories(String names) {
		Set<Category> set = EnumSet.noneOf(Category.class);
		Arrays.stream(names.split(",")).filter(s -> !s.isBlank()).forEach(s -> set.add(Category.valueOf(s)));
		return set;
	}

	private static void check(ChargeRules rules, List<PriceItem> items) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (rules.calloutFeeFen() < 0 || rules.calloutFeeFen() > Fen.MAX_UNIT_PRICE) {
			errors.add(new InvalidInput.FieldError("rules.calloutFeeFen", "must be 0 to " + Fen.MAX_UNIT_PRICE));
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			PriceItem item = items.get(i);
			String at = "items[" + i + "].";
			if (item == null) {
				errors.add(new InvalidInput.FieldError("items[" + i + "]", "must not be empty"));
				continue;
			}
			blank(errors, at + "code", item.code(), 40);
			blank(errors, at + "name", item.name(), 100);
			blank(errors, at + "unit", item.unit(), 20);
			if (item.kind() == null) {
				errors.add(new InvalidInput.FieldError(at + "kind", "must be MATERIAL or LABOUR"));
			}
			if (item.unitPriceFen() < 0 || item.unitPriceFen() > Fen.MAX_UNIT_PRICE) {
				errors.add(new InvalidInput.FieldError(at + "unitPriceFen",
						"must be 0 to " + Fen.MAX_UNIT_PRICE + " fen (" + Fen.yuan(Fen.MAX_UNIT_PRICE) + ")"));
			}
			if (item.effectiveFrom() == null) {
				errors.add(new InvalidInput.FieldError(at + "effectiveFrom", "must be a date"));
			}
			else if (item.effectiveTo() != null && !item.effectiveTo().isAfter(item.effectiveFrom())) {
				errors.add(new InvalidInput.FieldError(at + "effectiveTo", "must be after effectiveFrom"));
			}
			if (item.code() != null && item.effectiveFrom() != null
					&& !seen.add(item.code().trim() + "@" + item.effectiveFrom())) {
				errors.add(new InvalidInput.FieldError(at + "code", "appears twice from the same day"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

	private static void blank(List<InvalidInput.FieldError> errors, String field, String value, int max) {
		if (value == null || value.isBlank() || value.trim().length() > max) {
			errors.add(new InvalidInput.FieldError(field, "must be 1 to " + max + " characters"));
		}
	}

}
