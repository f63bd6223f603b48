package org.suxiu.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.analytics.Analytics;
import org.suxiu.analytics.ExcelExports;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.SuxiuProperties;

/**
 * The technicians' month side by side (考核): jobs, promises kept, first-time fix, stars,
 * hours against the roster, and the supervisor's remark on each, for managers and
 * supervisors.
 */
@Controller
@RequestMapping("/manager/scorecards")
class ScorecardPages {

	private final Analytics analytics;

	private final ExcelExports excel;

	private final PropertyDirectory property;

	private final SuxiuProperties properties;

	private final Clock clock;

	ScorecardPages(Analytics analytics, ExcelExports excel, PropertyDirectory property, SuxiuProperties properties,
			Clock clock) {
		this.analytics = analytics;
		this.excel = excel;
		this.property = property;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping
	String scorecards(Actor me, @RequestParam(required = false) String project,
			@RequestParam(required = false) String month, Model model) {
		ProjectChoice choice = ProjectChoice.of(property, me, project);
		YearMonth chosen = month(month);
		model.addAttribute("projects", choice.projects());
		model.addAttribute("project", choice.project());
		model.addAttribute("month", chosen);
		model.addAttribute("mayRemark",
				me.is(org.suxiu.shared.Role.SUPERVISOR) || me.is(org.suxiu.shared.Role.MANAGER));
		if (choice.project() != null) {
			model.addAttribute("cards", analytics.scorecards(me, choice.code(), chosen));
		}
		return "manager/scorecards";
	}

	@PostMapping("/remark")
	String remark(Actor me, @RequestParam String project, @RequestParam String month, @RequestParam long technician,
			@RequestParam(required = false) String remark, RedirectAttributes redirect) {
		analytics.remark(me, project, month(month), technician, remark);
		redirect.addAttribute("project", project);
		redirect.addAttribute("month", month);
		return "redirect:/manager/scorecards";
	}

	@GetMapping("/export.xlsx")
	void workbook(Actor me, @RequestParam(required = false) String project,
			@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
		var cards = analytics.scorecards(me, ProjectChoice.of(property, me, project).code(), month(month));
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("考核-" + cards.month() + ".xlsx", StandardCharsets.UTF_8)
					.build()
					.toString());
		excel.scorecards(cards, response.getOutputStream());
	}

	private YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			return YearMonth.now(clock.withZone(properties.zone()));
		}
		try {
			return YearMonth.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("month", "must be a month such as 2026-11");
		}
	}

}
