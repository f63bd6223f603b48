package org.suxiu.workorder.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.Category;
import org.suxiu.workorder.AftercarePolicy;
import org.suxiu.workorder.FixRecord;
import org.suxiu.workorder.ReworkFlagged;
import org.suxiu.workorder.WorkOrderCreated;

/**
 * Rework and first-time fix: a new order for the same home or common area and the same
 * category as a repair completed within its warranty window (the project's, else
 * {@code suxiu.workorder.warranty}, default 30 days) is flagged as probable rework of it,
 * after the new order committed, on its own thread and without a row in the event
 * publication registry, so that taking a report costs not one round trip more (a flag
 * lost to a crash at that moment is a hint lost, nothing else); reopening after
 * acceptance is allowed within the same window.
 */
@Component
class ReworkWatch {

	private final JdbcClient jdbc;

	private final ObjectProvider<AftercarePolicy> policies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReworkWatch.class);

	private final Duration warranty;

	/**
	 * Its own thread, so that it needs no executor from the context (a context without
	 * the application's task executor still starts).
	 */
	private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors
		.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "rework-watch");
			thread.setDaemon(true);
			return thread;
		});

	private final TransactionTemplate transactions;

	private final WorkOrderRepository orders;

	ReworkWatch(JdbcClient jdbc, ObjectProvider<AftercarePolicy> policies, ApplicationEventPublisher events,
			Clock clock, @Value("${suxiu.workorder.warranty:P30D}") Duration warranty,
			PlatformTransactionManager transactions, WorkOrderRepository orders) {
		this.orders = orders;
		this.transactions = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
		this.policies = policies;
		this.events = events;
		this.clock = clock;
		this.warranty = warranty;
	}

	/** The project's warranty window for the category, or the installation's. */
	Duration window(long projectId, Category category) {
		AftercarePolicy policy = policies.getIfAvailable();
		return policy == null ? warranty : policy.warrantyWindow(projectId, category).orElse(warranty);
	}

	/**
	 * A hint, not a transition: it runs after the report committed, on its own thread,
	 * and without a row in the event publication registry, so that taking a report keeps
	 * its round trips (a flag lost to a crash at that moment is a hint lost, nothing
	 * else). The new order's place comes from what this transaction wrote, so an order
	 * with no home and no common area costs nothing, and one with a place costs the two
	 * reads of the search (its window and an earlier repair), no read of itself.
	 */
	@EventListener
	void on(WorkOrderCreated created) {
		if (created.reworkOf() == null && TransactionSynchronizationManager.isSynchronizationActive()) {
			Place known = orders.writtenInThisTransaction(created.number())
				.map(o -> new Place(o.number, o.tenantId, o.site.project().id(), o.category, o.site.homeId(),
						o.site.areaId(), o.reportedAt))
				.orElse(null);
			if (known != null && known.homeId() == null && known.areaId() == null) {
				return;
			}
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					try {
						executor.execute(() -> flagQuietly(created.number(), known));
					}
					catch (java.util.concurrent.RejectedExecutionException stopping) {
						log.debug("Stopping: order {} is not looked at for rework", created.number());
					}
				}
			});
		}
	}

	private void flagQuietly(String number, Place known) {
		try {
			if (known == null) {
				flag(number);
			}
			else {
				flag(known);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for an earlier repair of order {}", number, ex);
		}
	}

	/**
	 * Links the order to the latest earlier repair of its kind at its place completed
	 * within the window before it was reported; once only, never over a link or a
	 * judgement.
	 * @return the earlier order, if one was found and the flag set
	 */
	Optional<String> flag(String number) {
		Optional<Place> place = jdbc.sql("""
				SELECT number, tenant_id, project_id, category, home_id, area_id, reported_at FROM work_order
				WHERE number = ? AND rework_of IS NULL AND rework_check IS NULL AND status <> 'CANCELLED'
				""")
			.param(number)
			.query((rs, n) -> new Place(rs.getString("number"), rs.getLong("tenant_id"), rs.getLong("project_id"),
					Category.valueOf(rs.getString("category")), (Long) rs.getObject("home_id"),
					(Long) rs.getObject("area_id"), rs.getTimestamp("reported_at").toInstant()))
			.optional();
		return place.flatMap(this::flag);
	}

	/**
	 * The search for the order at this place: its two reads outside a transaction, the
	 * flag (which checks again that the order is neither linked, judged nor cancelled)
	 * and its event in one.
	 */
	private Optional<String> flag(Place at) {
		if (at.homeId() == null && at.areaId() == null) {
			return Optional.empty();
		}
		Duration window = window(at.projectId(), at.category());
		// a home's or a common area's, never both: one plain condition, so PostgreSQL can
		// keep one plan for it instead of planning an OR of two possibly-null parameters
		// on every call
		String where = at.homeId() == null ? "p.area_id = :area"
				: at.areaId() == null ? "p.home_id = :home" : "(p.home_id = :home OR p.area_id = :area)";
		Optional<String> earlier = jdbc.sql("""
				SELECT p.number FROM work_order p
				WHERE p.project_id = :project AND p.category = :category AND {place}
				  AND p.number <> :number AND p.rework_number IS NULL
				  AND p.status IN ('COMPLETED', 'ACCEPTED', 'CLOSED')
				  AND EXISTS (SELECT 1 FROM work_order_history h WHERE h.order_id = p.id AND h.action = 'complete'
				      AND h.at >= :since AND h.at <= :reported)
				ORDER BY p.created_at DESC, p.id DESC LIMIT 1
				""".replace("{place}", where))
			.param("project", at.projectId())
			.param("category", at.category().name())
			.param("home", at.homeId(), java.sql.Types.BIGINT)
			.param("area", at.areaId(), java.sql.Types.BIGINT)
			.param("number", at.number())
			.param("since", Timestamp.from(at.reportedAt().minus(window)))
			.param("reported", Timestamp.from(at.reportedAt()))
			.query(String.class)
			.optional();
		if (earlier.isEmpty()) {
			return Optional.empty();
		}
		Boolean set = transactions.execute(status -> {
			int updated = jdbc.sql("""
					UPDATE work_order SET rework_of = ?, rework_check = 'PROBABLE'
					WHERE number = ? AND rework_of IS NULL AND rework_check IS NULL AND status <> 'CANCELLED'
					""").params(earlier.get(), at.number()).update();
			if (updated == 0) {
				return false;
			}
			events.publishEvent(new ReworkFlagged(at.number(), at.tenantId(), at.projectId(), earlier.get(),
					at.category(), clock.instant()));
			return true;
		});
		return Boolean.TRUE.equals(set) ? earlier : Optional.empty();
	}

	/**
	 * Refuses a reopen after acceptance once the repair's warranty window has passed: by
	 * then a new fault is a new order.
	 */
	void checkWithinWarranty(WorkOrder order, Instant now) {
		Optional<Instant> completed = jdbc.sql("""
				SELECT max(at) FROM work_order_history WHERE order_id = ? AND action = 'complete'
				""").param(order.id).query(Timestamp.class).optional().map(Timestamp::toInstant);
		Duration window = window(order.projectId(), order.category);
		if (completed.isEmpty() || now.isAfter(completed.get().plus(window))) {
			throw new BusinessRuleViolation("warranty-expired", "保修期已过，请新报修 the repair of " + order.number
					+ " is out of its " + window.toDays() + "-day warranty; report a new fault instead");
		}
	}

	/** The project's repairs completed in the period, each with whether it held. */
	List<FixRecord> fixesBetween(long projectId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT o.number, o.category, o.assignee_id, o.assignee_name, c.at AS completed_at,
				    (o.rework_number IS NOT NULL OR EXISTS (SELECT 1 FROM work_order r WHERE r.rework_of = o.number
				        AND (r.rework_check IS NULL OR r.rework_check = 'CONFIRMED'))) AS reworked
				FROM work_order o
				JOIN LATERAL (SELECT max(h.at) AS at FROM work_order_history h
				    WHERE h.order_id = o.id AND h.action = 'complete') c ON c.at IS NOT NULL
				WHERE o.project_id = ? AND o.status IN ('COMPLETED', 'ACCEPTED', 'CLOSED') AND c.at >= ? AND c.at < ?
				ORDER BY c.at
				""")
			.params(projectId, Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new FixRecord(rs.getString("number"), Category.valueOf(rs.getString("category")),
					(Long) rs.getObject("assignee_id"), rs.getString("assignee_name"),
					rs.getTimestamp("completed_at").toInstant(), rs.getBoolean("reworked")))
			.list();
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		executor.shutdown();
	}

	private record Place(String number, long tenantId, long projectId, Category category, Long homeId, Long areaId,
			Instant reportedAt) {
	}

}
