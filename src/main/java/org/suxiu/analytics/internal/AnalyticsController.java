package org.suxiu.analytics.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.analytics.Analytics;
import org.suxiu.analytics.DrillDown;
import org.suxiu.analytics.KpiReport;
import org.suxiu.analytics.Scorecards;
import org.suxiu.analytics.ExcelExports;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.Status;

/**
 * The analytics API: KPI tables and the orders behind a figure (MANAGER, ADMIN;
 * SUPERVISOR for the projects they serve).
 */
@RestController
@Tag(name = "Analytics 统计分析")
class AnalyticsController {

	private final Analytics analytics;

	private final SuxiuProperties properties;

	private final Clock clock;

	private final ExcelExports excel;

	private final PropertyDirectory property;

	AnalyticsController(Analytics analytics, ExcelExports excel, PropertyDirectory property, SuxiuProperties properties,
			Clock clock) {
		this.property = property;
		this.analytics = analytics;
		this.excel = excel;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/api/v1/analytics/kpis")
	@Operation(summary = "KPIs of a project's period by grade, category, technician, channel, day, week or month, "
			+ "with the period before to compare (MANAGER, ADMIN, SUPERVISOR); days yyyy-MM-dd, 'to' inclusive, "
			+ "at most five years; by default this month so far")
	KpiReport kpis(Actor actor, @RequestParam(required = false) String projectCode,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String groupBy) {
		LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
		return analytics.kpis(actor, projectCode, Dates.day("from", from, today.withDayOfMonth(1), properties.zone()),
				Dates.day("to", to, today, properties.zone()), Dates.groupBy(groupBy));
	}

	@GetMapping("/api/v1/analytics/orders")
	@Operation(summary = "The orders behind a figure (figure = orders, cancelled, completed, kept, breached, "
			+ "first_fix, reworked, poorly_rated, unsatisfied, probable_rework), narrowed like a KPI row; newest first")
	Analytics.OrderPage orders(Actor actor, @RequestParam(required = false) String projectCode,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String grade, @RequestParam(required = false) String category,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String technician,
			@RequestParam(required = false) String figure, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return analytics.orders(actor, drill(projectCode, from, to, grade, category, channel, technician, figure), page,
				size);
	}

	@GetMapping(value = "/api/v1/analytics/orders.xlsx")
	@Operation(summary = "The orders behind a figure as an Excel workbook (zh-CN headers), streamed; "
			+ "the same parameters as /api/v1/analytics/orders, up to 1,000,000 rows")
	void ordersWorkbook(Actor actor, @RequestParam(required = false) String projectCode,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String grade, @RequestParam(required = false) String category,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String technician,
			@RequestParam(required = false) String figure, HttpServletResponse response) throws IOException {
		DrillDown drill = drill(projectCode, from, to, grade, category, channel, technician, figure);
		analytics.orders(actor, drill, 0, 1);
		xlsx(response, "工单-" + drill.from() + "-" + drill.to());
		excel.orders(actor, drill, response.getOutputStream());
	}

	@GetMapping(value = "/api/v1/analytics/kpis.xlsx")
	@Operation(summary = "A KPI table as an Excel workbook (zh-CN headers); the parameters of /api/v1/analytics/kpis")
	void kpisWorkbook(Actor actor, @RequestParam(required = false) String projectCode,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String groupBy, HttpServletResponse response) throws IOException {
		KpiReport report = kpis(actor, projectCode, from, to, groupBy);
		xlsx(response, "指标-" + report.from() + "-" + report.to());
		excel.kpis(report, response.getOutputStream());
	}

	/** Names the download for the browser; the body follows. */
	static void xlsx(HttpServletResponse response, String name) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(name + ".xlsx", java.nio.charset.StandardCharsets.UTF_8)
					.build()
					.toString());
	}

	@GetMapping("/api/v1/analytics/technicians")
	@Operation(summary = "The technicians' scorecards 考核 of a project's month (yyyy-MM; this month by default), "
			+ "best on-time share first, with the team's figures and the supervisor's remarks")
	Scorecards scorecards(Actor actor, @RequestParam(required = false) String projectCode,
			@RequestParam(required = false) String month) {
		return analytics.scorecards(actor, projectCode, month(month));
	}

	@GetMapping("/api/v1/analytics/technicians.xlsx")
	@Operation(summary = "The scorecards of a month as an Excel workbook (zh-CN headers)")
	void scorecardsWorkbook(Actor actor, @RequestParam(required = false) String projectCode,
			@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
		Scorecards cards = analytics.scorecards(actor, projectCode, month(month));
		xlsx(response, "考核-" + cards.month());
		excel.scorecards(cards, response.getOutputStream());
	}

	@PutMapping("/api/v1/analytics/technicians/{id}/remark")
	@Operation(summary = "The supervisor's remark on a technician's month {\"projectCode\",\"month\",\"remark\"} "
			+ "(SUPERVISOR, MANAGER of the project)")
	Scorecards.Card remark(Actor actor, @PathVariable long id, @RequestBody RemarkRequest request) {
		return analytics.remark(actor, request.projectCode(), month(request.month()), id, request.remark());
	}

	/**
	 * A remark on a technician's month.
	 *
	 * @param projectCode project
	 * @param month {@code yyyy-MM}
	 * @param remark the text, at most 500 characters
	 */
	record RemarkRequest(String projectCode, String month, String remark) {
	}

	YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			return YearMonth.now(clock.withZone(properties.zone()));
		}
		try {
			YearMonth month = YearMonth.parse(value.trim());
			if (month.getYear() < 2000 || month.getYear() > 2199) {
				throw new InvalidInput("month", "must lie between the years 2000 and 2199");
			}
			return month;
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInput("month", "must be a month such as 2026-11");
		}
	}

	@GetMapping("/api/v1/work-orders/export.xlsx")
	@Operation(summary = "The order list as an Excel workbook (zh-CN headers, phone numbers masked): the filters "
			+ "of GET /api/v1/work-orders, every match up to 1,000,000 rows, streamed from a database cursor "
			+ "(staff but technicians)")
	void workOrdersWorkbook(Actor actor, @RequestParam(required = false) List<Status> status,
			@RequestParam(required = false) Grade grade, @RequestParam(required = false) String projectCode,
			@RequestParam(required = false) String assignee, HttpServletResponse response) throws IOException {
		if (!actor.isStaff() || actor.is(Role.TECHNICIAN)) {
			throw new Forbidden("The order export is for office staff");
		}
		Long projectId = null;
		if (projectCode != null) {
			projectId = property.project(projectCode)
				.filter(p -> actor.serves(p.tenantId(), p.id()))
				.map(Project::id)
				.orElseThrow(() -> new NotFound("Project", projectCode));
		}
		Long assigneeId = null;
		if (assignee != null) {
			assigneeId = property.staff(actor.tenantId(), assignee).map(StaffMember::id).orElse(-1L);
		}
		xlsx(response, "工单列表");
		excel.workOrders(actor, status, grade, projectId, assigneeId, response.getOutputStream());
	}

	@GetMapping("/api/v1/projects/{code}/reports/{month}.pdf")
	@Operation(summary = "The project's monthly report 月报 as PDF (MANAGER, ADMIN, SUPERVISOR): the one made on "
			+ "the 1st, or made now; ?regenerate=true makes it again from today's figures")
	ResponseEntity<byte[]> report(Actor actor, @PathVariable String code, @PathVariable String month,
			@RequestParam(defaultValue = "false") boolean regenerate) {
		YearMonth chosen = month(month);
		byte[] pdf = analytics.monthlyReport(actor, code, chosen, regenerate);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition",
					ContentDisposition.inline()
						.filename("月报-" + code + "-" + chosen + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(pdf);
	}

	@PostMapping("/api/v1/analytics/recount")
	@Operation(summary = "Counts every order again from scratch (ADMIN)")
	Map<String, Long> recount(Actor actor) {
		return Map.of("orders", analytics.recount(actor));
	}

	DrillDown drill(String projectCode, String from, String to, String grade, String category, String channel,
			String technician, String figure) {
		LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
		Long technicianId = null;
		if (technician != null && !technician.isBlank()) {
			try {
				technicianId = Long.valueOf(technician.trim());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInput("technician", "must be a technician's id");
			}
		}
		return new DrillDown(projectCode, Dates.day("from", from, today.withDayOfMonth(1), properties.zone()),
				Dates.day("to", to, today, properties.zone()), Dates.kind("grade", grade, Grade.class),
				Dates.kind("category", category, Category.class), Dates.kind("channel", channel, Channel.class),
				technicianId, Dates.figure(figure));
	}

}
