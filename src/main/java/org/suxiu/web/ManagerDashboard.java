package org.suxiu.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Grade;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.sla.SlaSummaries;
import org.suxiu.workorder.GradeStatusCount;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrders;
import org.suxiu.workorder.WorkOrderView;

/**
 * The manager's dashboard (R13): today's and this month's orders by grade and status, the
 * share of promises kept per grade, the mean minutes to respond and arrive, and the open
 * breaches; charts drawn with Chart.js, each with its table.
 */
@Controller
@RequestMapping("/manager")
class ManagerDashboard {

	private static final List<Status> OPEN = List.of(Status.NEW, Status.DISPATCHED, Status.TAKEN, Status.ARRIVED,
			Status.IN_PROGRESS, Status.ON_HOLD);

	private static final List<Status> DONE = List.of(Status.COMPLETED, Status.ACCEPTED, Status.CLOSED);

	private final WorkOrders orders;

	private final SlaSummaries sla;

	private final PropertyDirectory property;

	private final MessageSource messages;

	private final JsonMapper json;

	private final SuxiuProperties properties;

	private final Clock clock;

	ManagerDashboard(WorkOrders orders, SlaSummaries sla, PropertyDirectory property, MessageSource messages,
			JsonMapper json, SuxiuProperties properties, Clock clock) {
		this.orders = orders;
		this.sla = sla;
		this.property = property;
		this.messages = messages;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One grade's row of counts.
	 *
	 * @param grade the grade
	 * @param open not yet completed
	 * @param done completed, accepted or closed
	 * @param cancelled cancelled
	 */
	record Row(Grade grade, long open, long done, long cancelled) {

		public long total() {
			return open + done + cancelled;
		}

	}

	/**
	 * SLA figures of one grade this month.
	 *
	 * @param grade the grade
	 * @param respondMet share of response promises kept, or {@code null}
	 * @param arriveMet share of arrival promises kept, or {@code null}
	 * @param completeMet share of completion promises kept, or {@code null}
	 * @param respondMinutes mean minutes to respond
	 * @param arriveMinutes mean minutes to arrive
	 */
	record SlaRow(Grade grade, Double respondMet, Double arriveMet, Double completeMet, Double respondMinutes,
			Double arriveMinutes) {
	}

	@GetMapping
	String dashboard(Actor me, @RequestParam(required = false) String project, Locale locale, Model model) {
		List<Project> projects = property.projectsOf(me.tenantId())
			.stream()
			.filter(p -> me.serves(p.tenantId(), p.id()))
			.toList();
		Project chosen = projects.stream()
			.filter(p -> p.code().equals(project))
			.findFirst()
			.orElse(projects.isEmpty() ? null : projects.get(0));
		model.addAttribute("projects", projects);
		model.addAttribute("project", chosen);
		if (chosen == null) {
			return "manager/dashboard";
		}
		ZoneId zone = properties.zone();
		ZonedDateTime now = clock.instant().atZone(zone);
		ZonedDateTime today = LocalDate.from(now).atStartOfDay(zone);
		ZonedDateTime month = today.withDayOfMonth(1);
		List<Row> todayRows = rows(orders.counts(me, chosen, today.toInstant(), today.plusDays(1).toInstant()));
		List<Row> monthRows = rows(orders.counts(me, chosen, month.toInstant(), month.plusMonths(1).toInstant()));
		SlaSummaries.Summary summary = sla.summary(chosen, month.toOffsetDateTime(),
				month.plusMonths(1).toOffsetDateTime());
		List<SlaRow> slaRows = slaRows(summary);
		model.addAttribute("rescues", summary.rescues());
		List<WorkOrderView> open = orders.list(me, OPEN, null, chosen.id(), null, 0, 200).items();
		List<Due> breaches = Due.byTimeLeft(open, clock.instant())
			.stream()
			.filter(d -> d.lateAt(clock.instant()))
			.toList();
		model.addAttribute("todayRows", todayRows);
		model.addAttribute("monthRows", monthRows);
		model.addAttribute("slaRows", slaRows);
		model.addAttribute("breaches", breaches);
		model.addAttribute("month", month.toLocalDate());
		model.addAttribute("chartJson", chartJson(todayRows, monthRows, slaRows, locale));
		return "manager/dashboard";
	}

	private static List<Row> rows(List<GradeStatusCount> counts) {
		List<Row> rows = new ArrayList<>();
		for (Grade grade : Grade.values()) {
			long open = 0;
			long done = 0;
			long cancelled = 0;
			for (GradeStatusCount c : counts) {
				if (c.grade() != grade) {
					continue;
				}
				if (OPEN.contains(c.status())) {
					open += c.orders();
				}
				else if (DONE.contains(c.status())) {
					done += c.orders();
				}
				else {
					cancelled += c.orders();
				}
			}
			rows.add(new Row(grade, open, done, cancelled));
		}
		return rows;
	}

	private static List<SlaRow> slaRows(SlaSummaries.Summary summary) {
		List<SlaRow> rows = new ArrayList<>();
		for (Grade grade : Grade.values()) {
			Map<String, SlaSummaries.ClockFigures> clocks = summary.grades().getOrDefault(grade.name(), Map.of());
			rows.add(new SlaRow(grade, share(clocks.get("respond")), share(clocks.get("arrive")),
					share(clocks.get("complete")), mean(clocks.get("respond")), mean(clocks.get("arrive"))));
		}
		return rows;
	}

	private static Double share(SlaSummaries.ClockFigures figures) {
		return figures == null || figures.metShare() == null ? null : Math.round(figures.metShare() * 1000) / 10.0;
	}

	private static Double mean(SlaSummaries.ClockFigures figures) {
		return figures == null ? null : figures.meanMinutes();
	}

	/**
	 * The charts' data as JSON for the page's script; labels in the reader's language.
	 */
	private String chartJson(List<Row> today, List<Row> month, List<SlaRow> slaRows, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("grades", List.of(Grade.values()).stream().map(Enum::name).toList());
		data.put("series",
				List.of(text("manager.open", locale), text("manager.done", locale), text("manager.cancelled", locale)));
		data.put("today", counts(today));
		data.put("month", counts(month));
		data.put("slaSeries",
				List.of(text("clock.respond", locale), text("clock.arrive", locale), text("clock.complete", locale)));
		data.put("sla", List.of(slaRows.stream().map(SlaRow::respondMet).toList(),
				slaRows.stream().map(SlaRow::arriveMet).toList(), slaRows.stream().map(SlaRow::completeMet).toList()));
		return json.writeValueAsString(data).replace("<", "\\u003c");
	}

	private static List<List<Long>> counts(List<Row> rows) {
		return List.of(rows.stream().map(Row::open).toList(), rows.stream().map(Row::done).toList(),
				rows.stream().map(Row::cancelled).toList());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
