package org.suxiu.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.suxiu.analytics.Analytics;
import org.suxiu.analytics.DrillDown;
import org.suxiu.analytics.ExcelExports;
import org.suxiu.analytics.Figure;
import org.suxiu.analytics.GroupBy;
import org.suxiu.analytics.KpiReport;
import org.suxiu.analytics.KpiRow;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.SuxiuProperties;

/**
 * The manager's KPI pages (指标分析): a project's period split by grade, category,
 * technician, channel or time, compared with the period before; every count opens into
 * the orders behind it, and both export to Excel.
 */
@Controller
@RequestMapping("/manager/kpis")
class KpiPages {

	private final Analytics analytics;

	private final ExcelExports excel;

	private final PropertyDirectory property;

	private final SuxiuProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final Words words;

	KpiPages(Analytics analytics, ExcelExports excel, PropertyDirectory property, SuxiuProperties properties,
			JsonMapper json, Clock clock, Words words) {
		this.words = words;
		this.analytics = analytics;
		this.excel = excel;
		this.property = property;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * One row of the table as the page shows it.
	 *
	 * @param label what the row stands for, in words
	 * @param figures its figures
	 * @param drill the query that narrows the orders to this row
	 */
	record PageRow(String label, KpiRow figures, String drill) {

		/** The link that opens one of this row's figures into its orders. */
		public String open(String figure) {
			return "/manager/kpis/orders?" + drill + "&figure=" + figure;
		}

	}

	@GetMapping
	String kpis(Actor me, @RequestParam(required = false) String project, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String groupBy,
			HttpServletResponse response, Model model) {
		ProjectChoice choice = ProjectChoice.of(property, me, project);
		model.addAttribute("projects", choice.projects());
		model.addAttribute("project", choice.project());
		LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
		model.addAttribute("from", today.withDayOfMonth(1));
		model.addAttribute("to", today);
		model.addAttribute("groupBy", GroupBy.GRADE);
		model.addAttribute("groupings", GroupBy.values());
		model.addAttribute("reportMonth", YearMonth.from(today).minusMonths(1));
		model.addAttribute("thisMonth", YearMonth.from(today));
		try {
			show(me, choice, from, to, groupBy, today, model);
		}
		catch (InvalidInput ex) {
			// the form again, with what was wrong, instead of a table
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", words.problem(ex));
		}
		return "manager/kpis";
	}

	private void show(Actor me, ProjectChoice choice, String from, String to, String groupBy, LocalDate today,
			Model model) {
		LocalDate start = day("from", from, today.withDayOfMonth(1));
		LocalDate end = day("to", to, today);
		GroupBy by = groupBy(groupBy);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("groupBy", by);
		if (choice.project() == null) {
			return;
		}
		KpiReport report = analytics.kpis(me, choice.code(), start, end, by);
		List<PageRow> rows = new ArrayList<>();
		for (KpiRow row : report.rows()) {
			rows.add(new PageRow(excel.label(by, row), row, drill(choice.code(), by, row, start, end)));
		}
		model.addAttribute("report", report);
		model.addAttribute("rows", rows);
		model.addAttribute("total",
				new PageRow("", report.total(), base(choice.code(), start, end).build().getQuery()));
		model.addAttribute("query",
				base(choice.code(), start, end).queryParam("groupBy", by.name().toLowerCase()).build().getQuery());
		model.addAttribute("chartJson", chartJson(rows));
	}

	@GetMapping("/orders")
	String orders(Actor me, @RequestParam(required = false) String project, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String grade,
			@RequestParam(required = false) String category, @RequestParam(required = false) String channel,
			@RequestParam(required = false) Long technician, @RequestParam(required = false) String figure,
			@RequestParam(defaultValue = "0") int page, Model model) {
		DrillDown drill = drill(me, project, from, to, grade, category, channel, technician, figure);
		Analytics.OrderPage orders = analytics.orders(me, drill, page, 50);
		model.addAttribute("drill", drill);
		model.addAttribute("orders", orders);
		model.addAttribute("query", drillQuery(drill));
		model.addAttribute("pages", (orders.total() + orders.size() - 1) / orders.size());
		return "manager/kpi-orders";
	}

	@GetMapping("/orders.xlsx")
	void ordersWorkbook(Actor me, @RequestParam(required = false) String project,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String grade, @RequestParam(required = false) String category,
			@RequestParam(required = false) String channel, @RequestParam(required = false) Long technician,
			@RequestParam(required = false) String figure, HttpServletResponse response) throws IOException {
		DrillDown drill = drill(me, project, from, to, grade, category, channel, technician, figure);
		analytics.orders(me, drill, 0, 1);
		attachment(response, "工单-" + drill.from() + "-" + drill.to());
		excel.orders(me, drill, response.getOutputStream());
	}

	/**
	 * A project's monthly report (月报) as a PDF in the browser: the one made on the 1st
	 * (or made now if none was), or made again from the latest figures. The link in the
	 * managers' e-mail opens this page, where the browser's sign-in holds.
	 */
	@GetMapping("/report.pdf")
	void monthlyReport(Actor me, @RequestParam(required = false) String project,
			@RequestParam(required = false) String month, @RequestParam(defaultValue = "false") boolean regenerate,
			HttpServletResponse response) throws IOException {
		YearMonth chosen;
		try {
			chosen = month == null || month.isBlank() ? YearMonth.now(clock.withZone(properties.zone())).minusMonths(1)
					: YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("month", "must be a month such as 2026-11");
		}
		// a link to a project one does not serve finds nothing, not another's report
		String code = ProjectChoice.of(property, me, project).code();
		byte[] pdf = analytics.monthlyReport(me, code, chosen, regenerate);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition",
				ContentDisposition.inline()
					.filename("月报-" + code + "-" + chosen + ".pdf", StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setContentLength(pdf.length);
		response.getOutputStream().write(pdf);
	}

	@GetMapping("/table.xlsx")
	void kpisWorkbook(Actor me, @RequestParam(required = false) String project,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String groupBy, HttpServletResponse response) throws IOException {
		LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
		KpiReport report = analytics.kpis(me, ProjectChoice.of(property, me, project).code(),
				day("from", from, today.withDayOfMonth(1)), day("to", to, today), groupBy(groupBy));
		attachment(response, "指标-" + report.from() + "-" + report.to());
		excel.kpis(report, response.getOutputStream());
	}

	private DrillDown drill(Actor me, String project, String from, String to, String grade, String category,
			String channel, Long technician, String figure) {
		LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
		Figure chosen;
		try {
			chosen = figure == null ? Figure.ORDERS : Figure.valueOf(figure.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("figure", "is not a figure that opens into orders");
		}
		return new DrillDown(ProjectChoice.of(property, me, project).code(), day("from", from, today.withDayOfMonth(1)),
				day("to", to, today), blank(grade), blank(category), blank(channel), technician, chosen);
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static String drillQuery(DrillDown drill) {
		UriComponentsBuilder query = base(drill.projectCode(), drill.from(), drill.to());
		if (drill.grade() != null) {
			query.queryParam("grade", drill.grade());
		}
		if (drill.category() != null) {
			query.queryParam("category", drill.category());
		}
		if (drill.channel() != null) {
			query.queryParam("channel", drill.channel());
		}
		if (drill.technicianId() != null) {
			query.queryParam("technician", drill.technicianId());
		}
		query.queryParam("figure", drill.figure().name().toLowerCase(Locale.ROOT));
		return query.build().getQuery();
	}

	private static UriComponentsBuilder base(String project, LocalDate from, LocalDate to) {
		return UriComponentsBuilder.newInstance()
			.queryParam("project", project)
			.queryParam("from", from)
			.queryParam("to", to);
	}

	/** The query that narrows the orders to one row of the table. */
	static String drill(String project, GroupBy by, KpiRow row, LocalDate from, LocalDate to) {
		UriComponentsBuilder query;
		switch (by) {
			case GRADE, CATEGORY, CHANNEL, TECHNICIAN -> {
				query = base(project, from, to);
				query.queryParam(by == GroupBy.TECHNICIAN ? "technician" : by.name().toLowerCase(Locale.ROOT),
						row.key());
			}
			default -> {
				LocalDate first = by == GroupBy.MONTH ? LocalDate.parse(row.key() + "-01") : LocalDate.parse(row.key());
				LocalDate last = switch (by) {
					case WEEK -> first.plusDays(6);
					case MONTH -> first.with(TemporalAdjusters.lastDayOfMonth());
					default -> first;
				};
				query = base(project, first.isBefore(from) ? from : first, last.isAfter(to) ? to : last);
			}
		}
		return query.build().getQuery();
	}

	private String chartJson(List<PageRow> rows) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", rows.stream().map(PageRow::label).toList());
		data.put("orders", rows.stream().map(r -> r.figures().orders()).toList());
		data.put("kept", rows.stream().map(r -> r.figures().promises().kept()).toList());
		data.put("breached", rows.stream().map(r -> r.figures().promises().breached()).toList());
		return json.writeValueAsString(data).replace("<", "\\u003c");
	}

	private static GroupBy groupBy(String value) {
		if (value == null || value.isBlank()) {
			return GroupBy.GRADE;
		}
		try {
			return GroupBy.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("groupBy", "is not a grouping");
		}
	}

	private static LocalDate day(String field, String value, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput(field, "must be a day such as 2026-11-01");
		}
	}

	private static void attachment(HttpServletResponse response, String name) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename(name + ".xlsx", StandardCharsets.UTF_8).build().toString());
	}

}
