package org.suxiu.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suxiu.asset.Assets;
import org.suxiu.maintenance.HolidayRule;
import org.suxiu.maintenance.Interval;
import org.suxiu.maintenance.MaintenancePlans;
import org.suxiu.maintenance.NewPlan;
import org.suxiu.maintenance.PlanView;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;

/**
 * Maintenance plans (维保计划) on the staff pages: the project's plans with this month's
 * compliance and a form for a new one, and each plan's checklist and the work it
 * generated.
 */
@Controller
class PlanPages {

	private final MaintenancePlans plans;

	private final Assets assets;

	private final PropertyDirectory property;

	PlanPages(MaintenancePlans plans, Assets assets, PropertyDirectory property) {
		this.plans = plans;
		this.assets = assets;
		this.property = property;
	}

	@GetMapping("/plans")
	String list(Actor me, @RequestParam(defaultValue = "") String project, @RequestParam(required = false) Long asset,
			Model model) {
		List<Project> projects = me.tenantId() == null ? List.of()
				: property.projectsOf(me.tenantId()).stream().filter(p -> me.serves(p.tenantId(), p.id())).toList();
		if (projects.isEmpty()) {
			throw new InvalidInput("project", "no project");
		}
		String code = project.isBlank() ? projects.get(0).code() : project;
		model.addAttribute("projects", projects);
		model.addAttribute("project", code);
		model.addAttribute("plans", plans.list(me, code, null));
		model.addAttribute("compliance", plans.compliance(me, code, null));
		model.addAttribute("assets", assets.list(me, code, null));
		model.addAttribute("asset", asset);
		model.addAttribute("units", Interval.values());
		model.addAttribute("rules", HolidayRule.values());
		model.addAttribute("keeps", Arrays.asList(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR).contains(me.role()));
		return "plans/list";
	}

	@PostMapping("/plans")
	String create(Actor me, @RequestParam long asset, @RequestParam String name, @RequestParam Interval unit,
			@RequestParam(defaultValue = "") String every, @RequestParam(defaultValue = "") String meterEvery,
			@RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "3") String leadDays,
			@RequestParam HolidayRule holidayRule, @RequestParam(defaultValue = "") String checklist) {
		PlanView plan = plans.create(me,
				new NewPlan(asset, name, whole("every", every), unit, longValue("meterEvery", meterEvery),
						date(startsOn), whole("leadDays", leadDays), holidayRule,
						checklist.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()));
		return "redirect:/plans/" + plan.id();
	}

	@GetMapping("/plans/{id:\\d+}")
	String plan(Actor me, @PathVariable long id, Model model) {
		model.addAttribute("plan", plans.read(me, id));
		model.addAttribute("work", plans.work(me, id));
		model.addAttribute("orderPage", Pages.orderPageOf(me, ""));
		model.addAttribute("reads", !me.is(Role.AGENT));
		return "plans/plan";
	}

	@PostMapping("/plans/{id:\\d+}/readings")
	String reading(Actor me, @PathVariable long id, @RequestParam String value) {
		Long reading = longValue("value", value);
		if (reading == null) {
			throw new InvalidInput("value", "请填写读数 enter the reading");
		}
		plans.recordReading(me, id, reading);
		return "redirect:/plans/" + id;
	}

	private static Integer whole(String field, String value) {
		Long number = longValue(field, value);
		return number == null ? null
				: Math.toIntExact(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number)));
	}

	private static Long longValue(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field, "请填写整数 a whole number");
		}
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInput("startsOn", "日期格式为 yyyy-MM-dd · a date as yyyy-MM-dd");
		}
	}

}
