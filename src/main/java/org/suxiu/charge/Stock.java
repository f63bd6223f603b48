package org.suxiu.charge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.charge.internal.ChargeAccess;
import org.suxiu.charge.internal.ChargeProperties;
import org.suxiu.property.Project;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;
import org.suxiu.workorder.IllegalTransition;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrderNotFound;
import org.suxiu.workorder.WorkOrders;

/**
 * A project's materials store (材料库存): stock received, issued to an order on site, unused
 * units returned. Stock never goes below zero: an issue takes units only where enough are
 * on hand, in one conditional update, so of two technicians racing for the last unit one
 * is refused.
 */
@Service
public class Stock {

	private static final Set<Status> ON_SITE = Set.of(Status.ARRIVED, Status.IN_PROGRESS, Status.ON_HOLD);

	private final JdbcClient jdbc;

	private final ChargeAccess access;

	private final PriceLists prices;

	private final WorkOrders orders;

	private final ApplicationEventPublisher events;

	private final ChargeProperties properties;

	private final Clock clock;

	Stock(JdbcClient jdbc, ChargeAccess access, PriceLists prices, WorkOrders orders, ApplicationEventPublisher events,
			ChargeProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.prices = prices;
		this.orders = orders;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<StockLevel> levels(Actor actor, String projectCode) {
		Project project = access.project(actor, projectCode);
		Map<String, PriceItem> names = names(project.id());
		return jdbc.sql("SELECT item_code, on_hand, low_at FROM stock_level WHERE project_id = ? ORDER BY item_code")
			.param(project.id())
			.query((rs, n) -> level(names, rs.getString(1), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	/** Units arrive in the store (入库); {@code lowAt} sets the low-stock mark if given. */
	@Transactional
	public StockLevel receive(Actor actor, String projectCode, String itemCode, Integer quantity, Integer lowAt) {
		Project project = access.project(actor, projectCode, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
		int units = quantity(quantity);
		if (lowAt != null && (lowAt < 0 || lowAt > properties.maxQuantity())) {
			throw new InvalidInput("lowAt", "0 to " + properties.maxQuantity());
		}
		PriceItem item = material(project.id(), itemCode);
		jdbc.sql("""
				INSERT INTO stock_level (project_id, tenant_id, item_code, on_hand, low_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (project_id, item_code) DO UPDATE SET on_hand = stock_level.on_hand + EXCLUDED.on_hand,
				    low_at = COALESCE(?, stock_level.low_at)
				""")
			.params(project.id(), project.tenantId(), item.code(), units, lowAt == null ? 0 : lowAt, lowAt)
			.update();
		move(project.id(), item.code(), null, "RECEIVE", units, actor);
		return levelOf(project.id(), item);
	}

	/** Units leave the store for an order on site (领料). */
	@Transactional
	public StockLevel issue(Actor actor, String projectCode, String number, String itemCode, Integer quantity) {
		OrderFacts order = onSite(actor, projectCode, number);
		int units = quantity(quantity);
		PriceItem item = material(order.projectId(), itemCode);
		List<int[]> after = jdbc.sql("""
				UPDATE stock_level SET on_hand = on_hand - ?
				WHERE project_id = ? AND item_code = ? AND on_hand >= ? RETURNING on_hand, low_at
				""")
			.params(units, order.projectId(), item.code(), units)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.list();
		if (after.isEmpty()) {
			throw ChargeRefused.outOfStock(item.code(), units);
		}
		int onHand = after.get(0)[0];
		int lowAt = after.get(0)[1];
		move(order.projectId(), item.code(), number, "ISSUE", units, actor);
		orders.appendHistory(number, "stock-issue", actor, "领料 " + item.name() + " ×" + units + " " + item.unit()
				+ " issued " + item.name() + " ×" + units + " " + item.unit());
		if (onHand <= lowAt && onHand + units > lowAt) {
			events.publishEvent(new StockRunningLow(order.tenantId(), order.projectId(), item.code(), item.name(),
					onHand, clock.instant()));
		}
		return level(Map.of(item.code(), item), item.code(), onHand, lowAt);
	}

	/** Unused units go back to the store (退料): never more than the order took. */
	@Transactional
	public StockLevel giveBack(Actor actor, String projectCode, String number, String itemCode, Integer quantity) {
		OrderFacts order = onSite(actor, projectCode, number);
		int units = quantity(quantity);
		PriceItem item = material(order.projectId(), itemCode);
		// the row lock orders returns of one item, so two returns cannot both pass the
		// check
		jdbc.sql("SELECT on_hand FROM stock_level WHERE project_id = ? AND item_code = ? FOR UPDATE")
			.params(order.projectId(), item.code())
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> ChargeRefused.nothingToReturn(item.code(), units));
		if (issuedTo(number, item.code()) < units) {
			throw ChargeRefused.nothingToReturn(item.code(), units);
		}
		jdbc.sql("UPDATE stock_level SET on_hand = on_hand + ? WHERE project_id = ? AND item_code = ?")
			.params(units, order.projectId(), item.code())
			.update();
		move(order.projectId(), item.code(), number, "RETURN", units, actor);
		orders.appendHistory(number, "stock-return", actor, "退料 " + item.name() + " ×" + units + " " + item.unit()
				+ " returned " + item.name() + " ×" + units + " " + item.unit());
		return levelOf(order.projectId(), item);
	}

	/** What the order took, net of returns, by item. */
	@Transactional(readOnly = true)
	public Map<String, Integer> issued(Actor actor, String number) {
		access.order(actor, number);
		return jdbc.sql("""
				SELECT item_code, SUM(CASE kind WHEN 'ISSUE' THEN quantity ELSE -quantity END)
				FROM stock_move WHERE order_number = ? GROUP BY item_code ORDER BY item_code
				""")
			.param(number)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.filter(e -> e.getValue() > 0)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
	}

	private int issuedTo(String number, String itemCode) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(CASE kind WHEN 'ISSUE' THEN quantity ELSE -quantity END), 0)
				FROM stock_move WHERE order_number = ? AND item_code = ?
				""").params(number, itemCode).query(Integer.class).single();
	}

	private OrderFacts onSite(Actor actor, String projectCode, String number) {
		Project project = access.project(actor, projectCode);
		OrderFacts order = access.onSite(actor, number);
		if (order.projectId() != project.id()) {
			throw new WorkOrderNotFound(number);
		}
		if (!ON_SITE.contains(order.status())) {
			throw new IllegalTransition(number, "stock", order.status());
		}
		return order;
	}

	private int quantity(Integer quantity) {
		if (quantity == null || quantity < 1 || quantity > properties.maxQuantity()) {
			throw new InvalidInput("quantity", "a whole number from 1 to " + properties.maxQuantity());
		}
		return quantity;
	}

	private PriceItem material(long projectId, String itemCode) {
		PriceItem item = names(projectId).get(itemCode == null ? "" : itemCode);
		if (item == null || item.kind() != ItemKind.MATERIAL) {
			throw new InvalidInput("itemCode", "not a material on the price list");
		}
		return item;
	}

	private Map<String, PriceItem> names(long projectId) {
		return prices.all(projectId)
			.stream()
			.collect(Collectors.toMap(PriceItem::code, Function.identity(), (older, newer) -> newer));
	}

	private StockLevel levelOf(long projectId, PriceItem item) {
		return jdbc.sql("SELECT on_hand, low_at FROM stock_level WHERE project_id = ? AND item_code = ?")
			.params(projectId, item.code())
			.query((rs, n) -> level(Map.of(item.code(), item), item.code(), rs.getInt(1), rs.getInt(2)))
			.single();
	}

	private void move(long projectId, String itemCode, String number, String kind, int units, Actor actor) {
		jdbc.sql("""
				INSERT INTO stock_move (project_id, item_code, order_number, kind, quantity, moved_by, moved_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(projectId, itemCode, number, kind, units, actor.username(), Timestamp.from(Instant.now(clock)))
			.update();
	}

	private static StockLevel level(Map<String, PriceItem> names, String code, int onHand, int lowAt) {
		PriceItem item = names.get(code);
		return new StockLevel(code, item == null ? code : item.name(), item == null ? "" : item.unit(), onHand, lowAt);
	}

}
