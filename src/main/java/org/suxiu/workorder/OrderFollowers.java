package org.suxiu.workorder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who called about an order that was already open: they follow it and hear what
 * its reporter hears (dispatched, arrived, completed, moved, cancelled).
 */
@Service
public class OrderFollowers {

	private final JdbcClient jdbc;

	private final Clock clock;

	OrderFollowers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One follower of an order.
	 *
	 * @param name how to address them
	 * @param phone where their messages go
	 * @param addedAt when they were linked to the order
	 */
	public record Follower(String name, String phone, Instant addedAt) {
	}

	/**
	 * Links a caller to an order; calling again with the same phone changes nothing.
	 * @return whether they were not following it yet
	 */
	@Transactional
	public boolean follow(long tenantId, String number, String name, String phone, String addedBy) {
		return jdbc.sql("""
				INSERT INTO work_order_follower (order_number, tenant_id, phone, name, added_by, added_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_number, phone) DO NOTHING
				""").params(number, tenantId, phone, name, addedBy, Timestamp.from(clock.instant())).update() == 1;
	}

	/** The order's followers, the first caller first. */
	@Transactional(readOnly = true)
	public List<Follower> of(String number) {
		return jdbc
			.sql("SELECT name, phone, added_at FROM work_order_follower WHERE order_number = ? "
					+ "ORDER BY added_at, phone")
			.param(number)
			.query((rs, n) -> new Follower(rs.getString("name"), rs.getString("phone"),
					rs.getTimestamp("added_at").toInstant()))
			.list();
	}

}
