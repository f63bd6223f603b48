package org.suxiu.dispatch;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.workorder.OrderFacts;

/**
 * Raises {@link EmergencySurge} at most once per project per interval: the project's row
 * is claimed with a conditional upsert in a transaction of its own, so instances seeing
 * the same surge at once, and a read-only recommendation, raise one alert between them.
 */
@Component
class SurgeAlerts {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate ownTransaction;

	private final Duration every;

	SurgeAlerts(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			@Value("${suxiu.dispatch.surge-alert-every:PT15M}") Duration every) {
		this.jdbc = jdbc;
		this.events = events;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.every = every;
	}

	/**
	 * Whether this call raised the alert (none was raised for the project recently).
	 * While one was, a plain read in the caller's transaction says so, so a surge's every
	 * decision does not open a write transaction of its own.
	 */
	boolean raise(OrderFacts order, Surge surge, Instant at) {
		boolean alertedRecently = jdbc.sql("SELECT alerted_at FROM dispatch_surge_alert WHERE project_id = ?")
			.param(surge.projectId())
			.query(Timestamp.class)
			.optional()
			.filter(alerted -> alerted.toInstant().isAfter(at.minus(every)))
			.isPresent();
		if (alertedRecently) {
			return false;
		}
		return Boolean.TRUE.equals(ownTransaction.execute(status -> {
			int claimed = jdbc.sql("""
					INSERT INTO dispatch_surge_alert (project_id, alerted_at) VALUES (?, ?)
					ON CONFLICT (project_id) DO UPDATE SET alerted_at = EXCLUDED.alerted_at
					WHERE dispatch_surge_alert.alerted_at <= ?
					""").params(surge.projectId(), Timestamp.from(at), Timestamp.from(at.minus(every))).update();
			if (claimed == 1) {
				events.publishEvent(new EmergencySurge(order.tenantId(), surge.projectId(), order.number(),
						order.place(), surge.openEmergencies(), surge.freeQualified(), surge.shortfall(), at));
			}
			return claimed == 1;
		}));
	}

}
