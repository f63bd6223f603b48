package org.suxiu.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.simulation.WhatIfRuns;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manager's what-if (人手推演): pick a past period and "+N technicians"; the replay runs
 * in the background while the page shows how long it has been going, then the policies'
 * results side by side in a table and a chart.
 */
@Controller
@RequestMapping("/manager/what-if")
class WhatIfPage {

	private final WhatIfRuns runs;

	private final PropertyDirectory property;

	private final Words words;

	private final Clock clock;

	private final SuxiuProperties properties;

	private final JsonMapper json;

	WhatIfPage(WhatIfRuns runs, PropertyDirectory property, Words words, Clock clock, SuxiuProperties properties,
			JsonMapper json) {
		this.runs = runs;
		this.property = property;
		this.words = words;
		this.clock = clock;
		this.properties = properties;
		this.json = json;
	}

	/** The form, last month and two more technicians to start with. */
	@GetMapping
	String form(Actor me, @RequestParam(required = false) String project, Model model) {
		ProjectChoice choice = ProjectChoice.of(property, me, project);
		YearMonth last = YearMonth.now(clock.withZone(properties.zone())).minusMonths(1);
		model.addAttribute("projects", choice.projects());
		model.addAttribute("project", choice.project());
		model.addAttribute("from", last.atDay(1));
		model.addAttribute("to", last.atEndOfMonth());
		model.addAttribute("extra", 2);
		return "manager/what-if";
	}

	@PostMapping
	String start(Actor me, @RequestParam String project,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int technicians) {
		UUID id = runs.start(me, project, from, to, technicians);
		return "redirect:/manager/what-if/" + id;
	}

	@GetMapping("/{id}")
	String run(Actor me, @PathVariable UUID id, Model model) {
		fill(me, id, model);
		ProjectChoice choice = ProjectChoice.of(property, me,
				((WhatIfRuns.Run) model.getAttribute("run")).projectCode());
		model.addAttribute("projects", choice.projects());
		model.addAttribute("project", choice.project());
		return "manager/what-if";
	}

	/** The run's part of the page; htmx asks again every two seconds while it runs. */
	@GetMapping("/{id}/progress")
	String progress(Actor me, @PathVariable UUID id, Model model) {
		fill(me, id, model);
		return "manager/what-if :: run";
	}

	private void fill(Actor me, UUID id, Model model) {
		WhatIfRuns.Run run = runs.find(me, id).orElseThrow(() -> new NotFound("What-if run", id.toString()));
		model.addAttribute("run", run);
		model.addAttribute("projectName",
				property.project(run.projectCode()).map(org.suxiu.property.Project::name).orElse(run.projectCode()));
		model.addAttribute("from", run.from());
		model.addAttribute("to", run.to());
		model.addAttribute("extra", run.extra());
		model.addAttribute("elapsed", words
			.span(Duration.between(run.startedAt(), run.finishedAt() != null ? run.finishedAt() : clock.instant())));
		if (run.result() != null) {
			WhatIfTable table = WhatIfTable.of(run.result(), words);
			model.addAttribute("table", table);
			model.addAttribute("chartJson", json.writeValueAsString(table.chart()));
		}
	}

}
