package org.suxiu.analytics.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.analytics.GroupBy;
import org.suxiu.analytics.MonthlyReportReady;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.DatabaseOutage;
import org.suxiu.shared.SuxiuProperties;

/**
 * The monthly report (月报) of each project: made on the 1st for the month before and
 * announced to the managers, once across instances (a timer row per project and month in
 * {@code analytics_report}, claimed with {@code FOR UPDATE SKIP LOCKED}; a report due
 * while every instance was down is made when one comes back), and made again on demand.
 */
@Service
class MonthlyReports {

	private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);

	/** When on the 1st the report of the month before is due, in the business zone. */
	static final LocalTime DUE = LocalTime.of(6, 0);

	private final KpiService kpis;

	private final Hotspots hotspots;

	private final ReportPdf pdf;

	private final PropertyDirectory property;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final ZoneId zone;

	private final Clock clock;

	MonthlyReports(KpiService kpis, Hotspots hotspots, ReportPdf pdf, PropertyDirectory property, JdbcClient jdbc,
			ApplicationEventPublisher events, TransactionTemplate transactions, SuxiuProperties properties,
			Clock clock) {
		this.kpis = kpis;
		this.hotspots = hotspots;
		this.pdf = pdf;
		this.property = property;
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
		this.zone = properties.zone();
		this.clock = clock;
	}

	/** The stored report, if one was made. */
	Optional<byte[]> stored(long projectId, YearMonth month) {
		return jdbc.sql("SELECT pdf FROM analytics_report WHERE project_id = ? AND month = ? AND pdf IS NOT NULL")
			.params(projectId, Date.valueOf(month.atDay(1)))
			.query(byte[].class)
			.optional();
	}

	/** Makes the report now and stores it (a later timer still announces it). */
	@Transactional
	public byte[] generate(Project project, YearMonth month) {
		byte[] document = render(project, month);
		jdbc.sql("""
				INSERT INTO analytics_report (project_id, month, tenant_id, due_at, generated_at, pdf)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (project_id, month) DO UPDATE SET generated_at = EXCLUDED.generated_at, pdf = EXCLUDED.pdf
				""")
			.params(project.id(), Date.valueOf(month.atDay(1)), project.tenantId(), Timestamp.from(dueAt(month)),
					Timestamp.from(clock.instant()), document)
			.update();
		return document;
	}

	byte[] render(Project project, YearMonth month) {
		var from = month.atDay(1);
		var to = month.atEndOfMonth();
		return pdf.render(new ReportPdf.Content(project.name(), month, kpis.table(project, from, to, GroupBy.CATEGORY),
				kpis.table(project, from, to, GroupBy.DAY), kpis.table(project, from, to, GroupBy.TECHNICIAN),
				hotspots.of(project.id(), from, to, 10), ZonedDateTime.now(clock.withZone(zone))));
	}

	private java.time.Instant dueAt(YearMonth month) {
		return month.plusMonths(1).atDay(1).atTime(DUE).atZone(zone).toInstant();
	}

	/**
	 * Plans last month's report for every project that had orders in it, then makes and
	 * announces the reports that are due, one row at a time.
	 */
	@Scheduled(fixedDelayString = "${suxiu.analytics.report-poll:PT1M}",
			initialDelayString = "${suxiu.analytics.report-poll:PT1M}")
	void fireDue() {
		try {
			YearMonth last = YearMonth.now(clock.withZone(zone)).minusMonths(1);
			jdbc.sql("""
					INSERT INTO analytics_report (project_id, month, tenant_id, due_at)
					SELECT DISTINCT project_id, CAST(? AS DATE), tenant_id, CAST(? AS TIMESTAMPTZ) FROM analytics_rollup
					WHERE dimension = 'ALL' AND day BETWEEN ? AND ?
					ON CONFLICT (project_id, month) DO NOTHING
					""")
				.params(Date.valueOf(last.atDay(1)), Timestamp.from(dueAt(last)), Date.valueOf(last.atDay(1)),
						Date.valueOf(last.atEndOfMonth()))
				.update();
			while (Boolean.TRUE.equals(transactions.execute(tx -> fireOne()))) {
				// one report per transaction, until none is due
			}
		}
		catch (RuntimeException ex) {
			if (!DatabaseOutage.isOutage(ex)) {
				throw ex;
			}
			log.debug("Monthly reports wait for the database", ex);
		}
	}

	private boolean fireOne() {
		List<Due> due = jdbc.sql("""
				SELECT project_id, tenant_id, month FROM analytics_report
				WHERE fired_at IS NULL AND due_at <= ?
				ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED
				""")
			.param(Timestamp.from(clock.instant()))
			.query((rs, n) -> new Due(rs.getLong("project_id"), rs.getLong("tenant_id"),
					YearMonth.from(rs.getDate("month").toLocalDate())))
			.list();
		if (due.isEmpty()) {
			return false;
		}
		Due one = due.get(0);
		Optional<Project> project = property.projectsOf(one.tenantId())
			.stream()
			.filter(p -> p.id() == one.projectId())
			.findFirst();
		if (project.isPresent()) {
			generate(project.get(), one.month());
			events.publishEvent(new MonthlyReportReady(project.get().tenantId(), project.get().id(),
					project.get().code(), project.get().name(), one.month(),
					"/manager/kpis/report.pdf?project=" + project.get().code() + "&month=" + one.month(),
					clock.instant()));
		}
		jdbc.sql("UPDATE analytics_report SET fired_at = ? WHERE project_id = ? AND month = ?")
			.params(Timestamp.from(clock.instant()), one.projectId(), Date.valueOf(one.month().atDay(1)))
			.update();
		return true;
	}

	private record Due(long projectId, long tenantId, YearMonth month) {
	}

}
