package org.suxiu.charge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.charge.internal.ChargeAccess;
import org.suxiu.property.Project;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.WorkOrders;

/**
 * Payments (收款) recorded by staff, each with a receipt, never more than the order owes:
 * payments of one order are taken one at a time under a transaction lock on the order.
 */
@Service
public class Payments {

	private static final Role[] DESK = { Role.AGENT, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN };

	private final JdbcClient jdbc;

	private final ChargeAccess access;

	private final WorkOrders orders;

	private final PaymentGateway gateway;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Payments(JdbcClient jdbc, ChargeAccess access, WorkOrders orders, PaymentGateway gateway,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.orders = orders;
		this.gateway = gateway;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Payment record(Actor actor, String number, Long amountFen, PaymentMethod method, String reference) {
		OrderFacts order = access.order(actor, number);
		ChargeAccess.requireRole(actor, DESK);
		if (amountFen == null || amountFen < 1 || amountFen > 100 * Fen.MAX_UNIT_PRICE) {
			throw new InvalidInput("amountFen", "a whole number of fen, at least 1");
		}
		if (method == null) {
			throw new InvalidInput("method", "CASH, WECHAT, ALIPAY or FEE_BILL");
		}
		String ref = reference == null || reference.isBlank() ? null : reference.trim();
		if (ref != null && ref.length() > 100) {
			throw new InvalidInput("reference", "at most 100 characters");
		}
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('payment:' || ?))").param(number).query(Object.class).single();
		Balance balance = balance(order);
		if (amountFen > balance.outstandingFen()) {
			throw ChargeRefused.overpayment(amountFen, balance.outstandingFen());
		}
		if (method == PaymentMethod.WECHAT || method == PaymentMethod.ALIPAY) {
			PaymentGateway.Confirmation confirmation = gateway.confirm(number, method, ref, amountFen);
			if (!confirmation.confirmed()) {
				throw ChargeRefused.notConfirmed(ref);
			}
			ref = confirmation.reference();
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO payment (tenant_id, project_id, order_number, amount_fen, method, reference, recorded_by,
				    recorded_by_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
				""")
			.params(order.tenantId(), order.projectId(), number, amountFen, method.name(), ref, actor.username(),
					actor.name(), Timestamp.from(now))
			.query(Long.class)
			.single();
		long outstanding = balance.outstandingFen() - amountFen;
		orders.appendHistory(number, "payment", actor,
				"收款 " + Fen.yuan(amountFen) + "（" + methodWords(method) + "），收据 " + id
						+ (outstanding > 0 ? "，尚欠 " + Fen.yuan(outstanding) : "，已付清") + " received "
						+ Fen.yuan(amountFen) + " (" + methodEnglish(method) + "), receipt " + id
						+ (outstanding > 0 ? ", " + Fen.yuan(outstanding) + " still owed" : ", paid in full"));
		events.publishEvent(new PaymentRecorded(number, order.tenantId(), id, amountFen, method, outstanding, now));
		return receipt(id, order, balance.owedFen());
	}

	/**
	 * A receipt, for staff of the project and the reporting owner; 404 for anybody else.
	 */
	@Transactional(readOnly = true)
	public Payment receipt(Actor actor, long id) {
		String number = jdbc.sql("SELECT order_number FROM payment WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("Receipt", String.valueOf(id)));
		OrderFacts order = access.order(actor, number);
		return receipt(id, order, balance(order).owedFen());
	}

	@Transactional(readOnly = true)
	public List<Payment> of(Actor actor, String number) {
		OrderFacts order = access.order(actor, number);
		long owed = balance(order).owedFen();
		return jdbc.sql("SELECT id FROM payment WHERE order_number = ? ORDER BY id")
			.param(number)
			.query(Long.class)
			.list()
			.stream()
			.map(id -> receipt(id, order, owed))
			.toList();
	}

	/**
	 * What the order owes in all, paid or not (approved quotes' payable amounts and
	 * refused quotes' call-out fees): the system's own read, for other modules.
	 */
	@Transactional(readOnly = true)
	public long owedFen(String number) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(CASE status WHEN 'APPROVED' THEN payable_fen WHEN 'REFUSED' THEN callout_fen
				    ELSE 0 END), 0) FROM charge_quote WHERE order_number = ?
				""").param(number).query(Long.class).single();
	}

	@Transactional(readOnly = true)
	public Balance balance(Actor actor, String number) {
		return balance(access.order(actor, number));
	}

	/**
	 * The project's orders that still owe something, oldest first: the front desk's list.
	 */
	@Transactional(readOnly = true)
	public List<Balance> unpaid(Actor actor, String projectCode) {
		Project project = access.project(actor, projectCode, DESK);
		return jdbc
			.sql("""
					SELECT q.order_number FROM charge_quote q WHERE q.project_id = ?
					GROUP BY q.order_number
					HAVING SUM(CASE q.status WHEN 'APPROVED' THEN q.payable_fen WHEN 'REFUSED' THEN q.callout_fen ELSE 0 END)
					    > (SELECT COALESCE(SUM(p.amount_fen), 0) FROM payment p WHERE p.order_number = q.order_number)
					ORDER BY MIN(q.id)
					""")
			.param(project.id())
			.query(String.class)
			.list()
			.stream()
			.flatMap(number -> orders.facts(number).stream())
			.map(this::balance)
			.toList();
	}

	private Balance balance(OrderFacts order) {
		long owed = jdbc.sql("""
				SELECT COALESCE(SUM(CASE status WHEN 'APPROVED' THEN payable_fen WHEN 'REFUSED' THEN callout_fen
				    ELSE 0 END), 0) FROM charge_quote WHERE order_number = ?
				""").param(order.number()).query(Long.class).single();
		long paid = jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM payment WHERE order_number = ?")
			.param(order.number())
			.query(Long.class)
			.single();
		return new Balance(order.number(), order.place(), owed, paid);
	}

	private Payment receipt(long id, OrderFacts order, long owed) {
		return jdbc
			.sql("""
					SELECT p.*, (SELECT SUM(amount_fen) FROM payment e WHERE e.order_number = p.order_number AND e.id <= p.id)
					    AS paid_so_far FROM payment p WHERE p.id = ?
					""")
			.param(id)
			.query((rs, n) -> payment(rs, order, owed))
			.single();
	}

	private static Payment payment(ResultSet rs, OrderFacts order, long owed) throws SQLException {
		String place = order.place();
		int space = place.indexOf(' ');
		return new Payment(rs.getLong("id"), order.number(), space > 0 ? place.substring(0, space) : place, place,
				rs.getLong("amount_fen"), PaymentMethod.valueOf(rs.getString("method")), rs.getString("reference"),
				rs.getString("recorded_by_name"), rs.getTimestamp("recorded_at").toInstant(), owed,
				rs.getLong("paid_so_far"));
	}

	static String methodEnglish(PaymentMethod method) {
		return switch (method) {
			case CASH -> "cash";
			case WECHAT -> "WeChat Pay";
			case ALIPAY -> "Alipay";
			case FEE_BILL -> "added to the property-fee bill";
		};
	}

	static String methodWords(PaymentMethod method) {
		return switch (method) {
			case CASH -> "现金";
			case WECHAT -> "微信支付";
			case ALIPAY -> "支付宝";
			case FEE_BILL -> "计入物业费账单";
		};
	}

}
