package org.suxiu.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suxiu.dispatch.Availability;
import org.suxiu.dispatch.TechnicianBoard;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Grade;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.sla.SlaSummaries;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrderView;
import org.suxiu.workorder.WorkOrders;

/**
 * The control room's wall screen (大屏, R12/R13): today's figures, the open emergencies and
 * overdue orders with their countdowns, the open orders and the technicians on the site
 * plan, each technician's state and the last seven days — one dark page for a big screen,
 * refreshed when a live event arrives and polled besides for the technicians' positions,
 * which are no events.
 */
@Controller
@RequestMapping("/wall")
class WallScreen {

	private static final List<Status> OPEN = List.of(Status.NEW, Status.DISPATCHED, Status.TAKEN, Status.ARRIVED,
			Status.IN_PROGRESS, Status.ON_HOLD);

	/** Most pressing orders a screen has room for; the rest are counted. */
	static final int PRESSING_SHOWN = 8;

	private final WorkOrders orders;

	private final TechnicianBoard board;

	private final PropertyDirectory property;

	private final SlaSummaries sla;

	private final SuxiuProperties properties;

	private final Clock clock;

	private final String trigger;

	WallScreen(WorkOrders orders, TechnicianBoard board, PropertyDirectory property, SlaSummaries sla,
			SuxiuProperties properties, Clock clock, @Value("${suxiu.web.wall-refresh:PT30S}") Duration refresh) {
		this.orders = orders;
		this.board = board;
		this.property = property;
		this.sla = sla;
		this.properties = properties;
		this.clock = clock;
		this.trigger = "live, every " + Math.max(5, refresh.toSeconds()) + "s";
	}

	@GetMapping
	String screen(Actor me, @RequestParam(required = false) String project, Model model) {
		fill(me, project, model);
		return "wall/screen";
	}

	@GetMapping("/live")
	String live(Actor me, @RequestParam(required = false) String project, Model model) {
		fill(me, project, model);
		return "wall/screen :: live";
	}

	private void fill(Actor me, String projectCode, Model model) {
		List<Project> projects = property.projectsOf(me.tenantId())
			.stream()
			.filter(p -> me.serves(p.tenantId(), p.id()))
			.toList();
		Project chosen = projects.stream().filter(p -> p.code().equals(projectCode)).findFirst().orElse(null);
		if (chosen == null && projectCode != null && !projectCode.isBlank()) {
			// another company's project, or one this person does not serve
			throw new NotFound("Project", projectCode);
		}
		if (chosen == null && !projects.isEmpty()) {
			chosen = projects.get(0);
		}
		model.addAttribute("projects", projects);
		model.addAttribute("project", chosen);
		model.addAttribute("wallTrigger", trigger);
		model.addAttribute("zone", properties.zone().getId());
		Instant now = clock.instant();
		model.addAttribute("updatedAt", now.atZone(properties.zone()).toLocalTime().withNano(0));
		if (chosen == null) {
			return;
		}
		List<WorkOrderView> open = orders.list(me, OPEN, null, chosen.id(), null, 0, 500).items();
		List<Due> dues = Due.byTimeLeft(open, now);
		List<Due> pressing = dues.stream().filter(d -> d.order().grade() == Grade.L1 || d.lateAt(now)).toList();
		List<TechnicianBoard.BoardEntry> technicians = board.board(me, chosen.id());
		List<WallTrend.Day> week = week(me, chosen, now);
		model.addAttribute("figures", figures(chosen, week.get(week.size() - 1), open, dues, technicians, now));
		model.addAttribute("pressing", pressing.stream().limit(PRESSING_SHOWN).toList());
		model.addAttribute("pressingMore", Math.max(0, pressing.size() - PRESSING_SHOWN));
		model.addAttribute("technicians", technicians);
		model.addAttribute("plan", SitePlan.of(property.buildings(chosen.id()), technicians, open));
		model.addAttribute("trend", WallTrend.of(week));
	}

	private WallFigures figures(Project project, WallTrend.Day counts, List<WorkOrderView> open, List<Due> dues,
			List<TechnicianBoard.BoardEntry> technicians, Instant now) {
		ZoneId zone = properties.zone();
		LocalDate today = counts.day();
		SlaSummaries.Summary summary = sla.summary(project, today.atStartOfDay(zone).toOffsetDateTime(),
				today.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		long emergencies = open.stream().filter(o -> o.grade() == Grade.L1).count();
		long late = dues.stream().filter(d -> d.lateAt(now)).count();
		long working = technicians.stream()
			.filter(t -> t.availability() == Availability.ON_SHIFT || t.availability() == Availability.BUSY)
			.count();
		return new WallFigures(counts.reported(), counts.done(), open.size(), emergencies, late,
				WallFigures.percent(summary, "respond"), WallFigures.percent(summary, "arrive"), working,
				technicians.size());
	}

	/** The last seven days, today last. */
	private List<WallTrend.Day> week(Actor me, Project project, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, properties.zone());
		List<WallTrend.Day> days = new ArrayList<>();
		for (int back = 6; back >= 0; back--) {
			days.add(day(me, project, today.minusDays(back)));
		}
		return days;
	}

	private WallTrend.Day day(Actor me, Project project, LocalDate day) {
		ZoneId zone = properties.zone();
		long reported = 0;
		long done = 0;
		for (var c : orders.counts(me, project, day.atStartOfDay(zone).toInstant(),
				day.plusDays(1).atStartOfDay(zone).toInstant())) {
			reported += c.orders();
			if (c.status() == Status.COMPLETED || c.status() == Status.ACCEPTED || c.status() == Status.CLOSED) {
				done += c.orders();
			}
		}
		return new WallTrend.Day(day, reported, done);
	}

}
