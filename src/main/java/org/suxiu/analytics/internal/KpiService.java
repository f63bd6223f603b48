package org.suxiu.analytics.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Optional;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.analytics.Analytics;
import org.suxiu.analytics.DrillDown;
import org.suxiu.analytics.GroupBy;
import org.suxiu.analytics.KpiReport;
import org.suxiu.analytics.KpiRow;
import org.suxiu.analytics.OrderLine;
import org.suxiu.analytics.Scorecards;
import org.suxiu.dispatch.Shift;
import org.suxiu.dispatch.Technician;
import org.suxiu.dispatch.TechnicianDirectory;
import org.suxiu.property.Project;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.Channel;

/**
 * The KPI tables, added up from the roll-ups (a few hundred rows for a year, whatever the
 * number of orders), and the orders behind a figure from analytics' own order rows.
 */
@Service
class KpiService implements Analytics {

	private final Access access;

	private final Rollups rollups;

	private final OrderLines lines;

	private final TechnicianDirectory technicians;

	private final Backfill backfill;

	private final Remarks remarks;

	private final Clock clock;

	private final ObjectProvider<MonthlyReports> reports;

	private final ZoneId zone;

	KpiService(Access access, Rollups rollups, OrderLines lines, TechnicianDirectory technicians, Backfill backfill,
			Remarks remarks, Clock clock, ObjectProvider<MonthlyReports> reports, SuxiuProperties properties) {
		this.reports = reports;
		this.zone = properties.zone();
		this.remarks = remarks;
		this.clock = clock;
		this.access = access;
		this.rollups = rollups;
		this.lines = lines;
		this.technicians = technicians;
		this.backfill = backfill;
	}

	@Override
	@Transactional(readOnly = true)
	public KpiReport kpis(Actor actor, String projectCode, LocalDate from, LocalDate to, GroupBy groupBy) {
		Project project = access.project(actor, projectCode);
		Access.period(from, to);
		return table(project, from, to, groupBy);
	}

	/** A project's KPI table, for whoever already may read it. */
	KpiReport table(Project project, LocalDate from, LocalDate to, GroupBy groupBy) {
		GroupBy by = groupBy == null ? GroupBy.GRADE : groupBy;
		Map<String, Tally> grouped = by.isTime() ? periods(by, from, to) : kinds(by);
		String dimension = by.isTime() ? RollupKey.ALL : by.name();
		String sums = by.isTime() ? by.name().toLowerCase(java.util.Locale.ROOT) : "value";
		for (Rollups.Row row : rollups.sums(project.id(), dimension, from, to, sums)) {
			String key = by == GroupBy.MONTH ? row.value().substring(0, 7) : row.value();
			grouped.computeIfAbsent(key, k -> new Tally()).plus(row.tally(), 1);
		}
		long homes = access.homes(project);
		Tally total = new Tally();
		// the whole period once, not the sum of a split (an order may have no technician)
		rollups.sums(project.id(), RollupKey.ALL, from, to, "total").forEach(r -> total.plus(r.tally(), 1));
		List<KpiRow> table = new ArrayList<>();
		if (by == GroupBy.TECHNICIAN) {
			Map<Long, Technician> roster = new LinkedHashMap<>();
			technicians.technicians(project.tenantId())
				.stream()
				.filter(t -> t.serves(project.id()))
				.forEach(t -> roster.put(t.id(), t));
			roster.keySet().forEach(id -> grouped.putIfAbsent(String.valueOf(id), new Tally()));
			grouped.forEach((key, tally) -> {
				Technician technician = roster.get(Long.valueOf(key));
				table.add(KpiFigures.row(key,
						technician == null ? lines.technicianName(Long.valueOf(key)) : technician.name(), tally,
						work(technician, tally, from, to), homes));
			});
			table.sort(Comparator.comparing(r -> r.name() == null ? "" : r.name()));
		}
		else {
			grouped.forEach((key, tally) -> table.add(KpiFigures.row(key, null, tally, null, homes)));
		}
		LocalDate[] before = previous(from, to);
		Tally previous = new Tally();
		rollups.sums(project.id(), RollupKey.ALL, before[0], before[1], "total")
			.forEach(r -> previous.plus(r.tally(), 1));
		return new KpiReport(project.code(), project.name(), from, to, by, table,
				KpiFigures.row("total", null, total, null, homes), before[0], before[1],
				KpiFigures.row("previous", null, previous, null, homes));
	}

	/** Every kind of the dimension, in its order, so empty kinds show as zeros. */
	private static Map<String, Tally> kinds(GroupBy by) {
		Map<String, Tally> kinds = new LinkedHashMap<>();
		Enum<?>[] values = switch (by) {
			case GRADE -> Grade.values();
			case CATEGORY -> Category.values();
			case CHANNEL -> Channel.values();
			default -> new Enum<?>[0];
		};
		for (Enum<?> value : values) {
			kinds.put(value.name(), new Tally());
		}
		return kinds;
	}

	/** Every period from {@code from} to {@code to}, in order. */
	private static Map<String, Tally> periods(GroupBy by, LocalDate from, LocalDate to) {
		Map<String, Tally> periods = new TreeMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			periods.putIfAbsent(periodKey(by, day), new Tally());
		}
		return periods;
	}

	static String periodKey(GroupBy by, LocalDate day) {
		return switch (by) {
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
			case MONTH -> day.toString().substring(0, 7);
			default -> day.toString();
		};
	}

	/**
	 * The period just before: as many whole months when the period is whole months, else
	 * as many days.
	 */
	static LocalDate[] previous(LocalDate from, LocalDate to) {
		boolean wholeMonths = from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1;
		if (wholeMonths) {
			long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
			return new LocalDate[] { from.minusMonths(months), from.minusDays(1) };
		}
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		return new LocalDate[] { from.minusDays(days), from.minusDays(1) };
	}

	/**
	 * A technician's hours on jobs against their rostered shifts (on-call duty left out)
	 * from {@code from} to {@code to}.
	 */
	static KpiRow.Work work(Technician technician, Tally tally, LocalDate from, LocalDate to) {
		double jobHours = KpiFigures.hours(tally);
		if (technician == null) {
			return new KpiRow.Work(jobHours, null, null, null, null);
		}
		long shifts = 0;
		long minutes = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			for (Shift shift : technician.shifts()) {
				if (shift.onCall() || (shift.dayOfWeek() != null && shift.dayOfWeek() != day.getDayOfWeek())) {
					continue;
				}
				Duration length = Duration.between(shift.from(), shift.to());
				minutes += length.isNegative() || length.isZero() ? length.plusDays(1).toMinutes() : length.toMinutes();
				shifts++;
			}
		}
		double shiftHours = Math.round(minutes / 60.0 * 100) / 100.0;
		return new KpiRow.Work(jobHours, shiftHours,
				minutes == 0 ? null : Math.round(tally.get(Measure.WORK_SUM) * 10000.0 / minutes) / 10000.0, shifts,
				shifts == 0 ? null : Math.round(tally.get(Measure.COMPLETED) * 100.0 / shifts) / 100.0);
	}

	@Override
	@Transactional(readOnly = true)
	public Scorecards scorecards(Actor actor, String projectCode, YearMonth month) {
		Project project = access.project(actor, projectCode);
		KpiReport report = kpis(actor, projectCode, month.atDay(1), month.atEndOfMonth(), GroupBy.TECHNICIAN);
		Map<Long, Scorecards.Remark> remarks = this.remarks.of(project.id(), month);
		List<Scorecards.Card> cards = new ArrayList<>();
		for (KpiRow row : report.rows()) {
			long id = Long.parseLong(row.key());
			cards.add(new Scorecards.Card(id, row.name(), row.completed(), row.promises().keptShare(),
					row.quality().firstFixShare(), row.satisfaction().meanRating(), row.satisfaction().rated(),
					row.promises().breached(), row.satisfaction().complaints(), row.work().jobHours(),
					row.work().utilisation(), row.work().jobsPerShift(), remarks.get(id), row));
		}
		cards.sort(Comparator
			.comparing((Scorecards.Card c) -> c.onTimeShare() == null ? -1 : c.onTimeShare(), Comparator.reverseOrder())
			.thenComparing(Scorecards.Card::jobs, Comparator.reverseOrder())
			.thenComparing(c -> c.name() == null ? "" : c.name()));
		return new Scorecards(project.code(), month, cards, report.total());
	}

	@Override
	@Transactional
	public Scorecards.Card remark(Actor actor, String projectCode, YearMonth month, long technicianId, String text) {
		Project project = access.project(actor, projectCode);
		if (!actor.is(Role.SUPERVISOR) && !actor.is(Role.MANAGER)) {
			throw new Forbidden("Remarks are written by supervisors and managers");
		}
		if (text == null || text.isBlank()) {
			throw new InvalidInput("remark", "is required");
		}
		if (text.length() > 500) {
			throw new InvalidInput("remark", "may be at most 500 characters");
		}
		boolean serves = technicians.technicians(project.tenantId())
			.stream()
			.anyMatch(t -> t.id() == technicianId && t.serves(project.id()));
		if (!serves) {
			throw new NotFound("Technician", String.valueOf(technicianId));
		}
		remarks.write(project.tenantId(), project.id(), month, technicianId, text.strip(), actor.username(),
				clock.instant());
		return scorecards(actor, projectCode, month).technicians()
			.stream()
			.filter(c -> c.technicianId() == technicianId)
			.findFirst()
			.orElseThrow();
	}

	@Override
	public byte[] monthlyReport(Actor actor, String projectCode, YearMonth month, boolean regenerate) {
		Project project = access.project(actor, projectCode);
		if (month.isAfter(YearMonth.now(clock.withZone(zone)))) {
			throw new InvalidInput("month", "has not begun");
		}
		if (month.getYear() < 2000) {
			throw new InvalidInput("month", "must lie after the year 2000");
		}
		if (!regenerate) {
			Optional<byte[]> stored = reports.getObject().stored(project.id(), month);
			if (stored.isPresent()) {
				return stored.get();
			}
		}
		return reports.getObject().generate(project, month);
	}

	@Override
	@Transactional(readOnly = true)
	public OrderPage orders(Actor actor, DrillDown drill, int page, int size) {
		Project project = access.project(actor, drill.projectCode());
		Access.period(drill.from(), drill.to());
		int pageSize = Math.max(1, Math.min(size, 200));
		int pageNumber = Math.max(0, page);
		return new OrderPage(lines.page(project.id(), drill, pageNumber, pageSize), lines.count(project.id(), drill),
				pageNumber, pageSize);
	}

	@Override
	@Transactional(readOnly = true)
	public void forEachOrder(Actor actor, DrillDown drill, Consumer<OrderLine> each) {
		Project project = access.project(actor, drill.projectCode());
		Access.period(drill.from(), drill.to());
		lines.stream(project.id(), drill, each);
	}

	@Override
	public long recount(Actor actor) {
		if (!actor.is(Role.ADMIN)) {
			throw new Forbidden("A recount is for administrators");
		}
		return backfill.run(true);
	}

}
