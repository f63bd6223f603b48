package org.suxiu.field;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Actor;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.WorkOrderView;
import org.suxiu.workorder.WorkOrders;

/**
 * The owner's hurry (催单): at most one per quiet period ({@code suxiu.field.hurry-quiet},
 * 10 minutes) on an order; each is a line in its history and a message to the project's
 * dispatchers, from the second on to its supervisors too.
 */
@Service
public class Hurries {

	private final WorkOrders orders;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration quiet;

	Hurries(WorkOrders orders, JdbcClient jdbc, Clock clock,
			@Value("${suxiu.field.hurry-quiet:PT10M}") Duration quiet) {
		this.orders = orders;
		this.jdbc = jdbc;
		this.clock = clock;
		this.quiet = quiet;
	}

	/**
	 * Hurries the order on the owner's behalf.
	 * @throws HurriedTooSoon within the quiet period after the last hurry (nothing
	 * changes)
	 */
	@Transactional
	public WorkOrderView hurry(Actor owner, String number, String note) {
		orders.read(owner, number);
		jdbc.sql("INSERT INTO order_hurry (order_number) VALUES (?) ON CONFLICT DO NOTHING").param(number).update();
		record Last(int hurries, Instant at) {
		}
		Last last = jdbc.sql("SELECT hurries, last_at FROM order_hurry WHERE order_number = ? FOR UPDATE")
			.param(number)
			.query((rs, n) -> new Last(rs.getInt(1),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.single();
		Instant now = clock.instant();
		if (last.at() != null && now.isBefore(last.at().plus(quiet))) {
			throw new HurriedTooSoon(number, Duration.between(now, last.at().plus(quiet)));
		}
		WorkOrderView hurried = orders.hurry(owner, new OrderCommand.Hurry(number, null, last.hurries() + 1, note));
		jdbc.sql("UPDATE order_hurry SET hurries = hurries + 1, last_at = ? WHERE order_number = ?")
			.params(Timestamp.from(now), number)
			.update();
		return hurried;
	}

	/** When the owner may hurry the order again, or {@code null} if they may now. */
	@Transactional(readOnly = true)
	public Instant nextHurryAt(String number) {
		return jdbc.sql("SELECT last_at FROM order_hurry WHERE order_number = ?")
			.param(number)
			.query((rs, n) -> rs.getTimestamp(1))
			.optional()
			.filter(at -> at != null && clock.instant().isBefore(at.toInstant().plus(quiet)))
			.map(at -> at.toInstant().plus(quiet))
			.orElse(null);
	}

}
