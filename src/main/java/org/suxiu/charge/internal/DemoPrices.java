package org.suxiu.charge.internal;

import org.suxiu.charge.ItemKind;
import org.suxiu.charge.PriceItem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suxiu.property.DemoDataSeeded;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;

/**
 * The demo projects' price lists and stores: a free inspection, paid labour, common
 * plumbing and electrical materials, a ¥30.00 call-out fee (embedded demo run only).
 */
@Component
class DemoPrices {

	private static final List<PriceItem> ITEMS = List.of(item("LAB-VISIT", "上门检查", ItemKind.LABOUR, "次", 0, false),
			item("LAB-REPAIR", "维修人工", ItemKind.LABOUR, "次", 5000, true),
			item("PIPE-20", "20mm PPR 水管", ItemKind.MATERIAL, "米", 1250, true),
			item("VALVE-15", "15mm 角阀", ItemKind.MATERIAL, "个", 3500, true),
			item("TAP", "厨房单把龙头", ItemKind.MATERIAL, "个", 12800, true),
			item("SWITCH", "86型开关面板", ItemKind.MATERIAL, "个", 1500, true),
			item("BULB", "LED 灯泡 9W", ItemKind.MATERIAL, "个", 1200, true),
			item("SEAL", "防霉玻璃胶", ItemKind.MATERIAL, "支", 2500, true));

	private static final int[][] STOCK = { { 50, 10 }, { 20, 5 }, { 3, 1 }, { 30, 5 }, { 40, 10 }, { 10, 3 } };

	private final JdbcClient jdbc;

	private final PropertyDirectory property;

	private final Clock clock;

	DemoPrices(JdbcClient jdbc, PropertyDirectory property, Clock clock) {
		this.jdbc = jdbc;
		this.property = property;
		this.clock = clock;
	}

	@EventListener
	void on(DemoDataSeeded event) {
		LocalDate from = LocalDate.now(clock).minusYears(1);
		for (long tenant : event.tenantIds()) {
			for (Project project : property.projectsOf(tenant)) {
				seed(project, from);
			}
		}
	}

	private void seed(Project project, LocalDate from) {
		jdbc.sql("INSERT INTO charge_rule (project_id, tenant_id, callout_fee_fen) VALUES (?, ?, 3000)")
			.params(project.id(), project.tenantId())
			.update();
		int material = 0;
		for (PriceItem item : ITEMS) {
			jdbc.sql("""
					INSERT INTO price_item (project_id, tenant_id, code, name, kind, unit, unit_price_fen, chargeable,
					    effective_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(project.id(), project.tenantId(), item.code(), item.name(), item.kind().name(), item.unit(),
						item.unitPriceFen(), item.chargeable(), from)
				.update();
			if (item.kind() == ItemKind.MATERIAL) {
				int[] stock = STOCK[material++];
				jdbc.sql("INSERT INTO stock_level (project_id, tenant_id, item_code, on_hand, low_at) "
						+ "VALUES (?, ?, ?, ?, ?)")
					.params(project.id(), project.tenantId(), item.code(), stock[0], stock[1])
					.update();
			}
		}
	}

	private static PriceItem item(String code, String name, ItemKind kind, String unit, long fen, boolean paid) {
		return new PriceItem(code, name, kind, unit, fen, paid, LocalDate.EPOCH, null);
	}

}
