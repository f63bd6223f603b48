package org.suxiu.sla;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.shared.DatabaseOutage;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Role;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrders;

/**
 * Fires due timers. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED} and fired
 * in the same transaction that marks it fired, so with any number of instances on one
 * database every warning, breach and escalation happens exactly once, and a timer that
 * fell due while no instance ran fires right after the next start.
 */
@Component
public class SlaTimers {

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(SlaTimers.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ClockStore store;

	private final WorkOrders orders;

	private final PropertyDirectory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final boolean enabled;

	private final DatabaseOutage outage;

	private final String instance = ManagementFactory.getRuntimeMXBean().getName();

	SlaTimers(JdbcClient jdbc, TransactionTemplate transactions, ClockStore store, WorkOrders orders,
			PropertyDirectory directory, ApplicationEventPublisher events, Clock clock,
			@Value("${suxiu.sla.poller.enabled:true}") boolean enabled, DatabaseOutage outage) {
		this.outage = outage;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.store = store;
		this.orders = orders;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${suxiu.sla.poller.interval:PT1S}", initialDelayString = "PT1S")
	void poll() {
		if (!enabled) {
			return;
		}
		try {
			outage.run("sla-timers", this::fireDue);
		}
		catch (RuntimeException ex) {
			log.error("SLA timers could not be fired; retrying on the next poll", ex);
		}
	}

	/**
	 * Fires every timer due by the clock's now, batch by batch; returns how many fired.
	 */
	public int fireDue() {
		int fired = 0;
		while (true) {
			Integer batch = transactions.execute(status -> fireBatch(clock.instant()));
			fired += batch;
			if (batch < BATCH) {
				return fired;
			}
		}
	}

	private int fireBatch(Instant now) {
		List<DueTimer> due = jdbc.sql("""
				SELECT id, order_number, clock, kind, fraction, role, due_at FROM sla_timer
				WHERE status = 'PENDING' AND due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED
				""")
			.params(Timestamp.from(now), BATCH)
			.query((rs, n) -> new DueTimer(rs.getLong("id"), rs.getString("order_number"),
					rs.getString("clock") == null ? null : ClockName.of(rs.getString("clock")),
					TimerKind.valueOf(rs.getString("kind")), (Double) rs.getObject("fraction"), rs.getString("role"),
					rs.getTimestamp("due_at").toInstant()))
			.list();
		for (DueTimer timer : due) {
			boolean fired = fire(timer, now);
			jdbc.sql("UPDATE sla_timer SET status = ?, fired_at = ?, fired_by = ? WHERE id = ?")
				.params(fired ? "FIRED" : "CANCELLED", Timestamp.from(now), instance, timer.id())
				.update();
		}
		return due.size();
	}

	private boolean fire(DueTimer timer, Instant now) {
		if (timer.kind() == TimerKind.AUTO_DISPATCH) {
			return flagForAutoDispatch(timer, now);
		}
		ClockStore.StoredClock clockRow = store.clock(timer.number(), timer.clock()).orElse(null);
		if (clockRow == null || clockRow.metAt() != null || clockRow.state().equals("PAUSED")
				|| clockRow.state().equals("CANCELLED")) {
			return false;
		}
		String name = timer.clock().key();
		switch (timer.kind()) {
			case WARNING -> {
				int percent = (int) Math.round(timer.fraction() * 100);
				orders.appendSystemHistory(timer.number(), "sla-warning",
						name + " " + percent + "% · 时限 due " + clockRow.deadline(), name);
				events.publishEvent(new SlaWarningRaised(timer.number(), clockRow.tenantId(), clockRow.projectId(),
						timer.clock(), timer.fraction(), clockRow.deadline(), now));
			}
			case BREACH -> {
				store.upsert(new ClockStore.StoredClock(clockRow.number(), clockRow.name(), clockRow.tenantId(),
						clockRow.projectId(), clockRow.grade(), clockRow.working(), clockRow.start(), clockRow.limit(),
						clockRow.paused(), null, clockRow.deadline(), null, timer.dueAt(), "BREACHED"));
				orders.appendSystemHistory(timer.number(), "sla-breach",
						name + " 超时 breached · 时限 due " + clockRow.deadline(), name);
				events.publishEvent(new SlaBreached(timer.number(), clockRow.tenantId(), clockRow.projectId(),
						timer.clock(), clockRow.deadline(), now));
			}
			case ESCALATION -> {
				Role role = Role.valueOf(timer.role());
				List<StaffMember> people = directory.staffOf(clockRow.tenantId(), role)
					.stream()
					.filter(s -> s.active() && s.serves(clockRow.projectId()))
					.toList();
				String names = people.isEmpty() ? "无人 nobody"
						: String.join(", ", people.stream().map(p -> p.name() + "(" + p.username() + ")").toList());
				orders.appendSystemHistory(timer.number(), "escalate", name + " → " + role + ": " + names, name);
				events.publishEvent(new SlaEscalated(timer.number(), clockRow.tenantId(), clockRow.projectId(),
						timer.clock(), role, people.stream().map(StaffMember::username).toList(), now));
			}
			default -> throw new IllegalStateException("Unexpected timer " + timer.kind());
		}
		return true;
	}

	private boolean flagForAutoDispatch(DueTimer timer, Instant now) {
		OrderFacts order = orders.facts(timer.number()).orElse(null);
		if (order == null || order.status() != Status.NEW) {
			return false;
		}
		orders.appendSystemHistory(timer.number(), "auto-dispatch-flag", "L1 仍未派工 still undispatched", null);
		events.publishEvent(new AutoDispatchRequested(order.number(), order.tenantId(), order.projectId(), now));
		return true;
	}

	private record DueTimer(long id, String number, ClockName clock, TimerKind kind, Double fraction, String role,
			Instant dueAt) {
	}

}
