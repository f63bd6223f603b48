package org.suxiu.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.sla.ClockMode;
import org.suxiu.sla.DayType;
import org.suxiu.sla.SlaAdministration;

/**
 * Administration: a project's SLA policy (limits per grade, clock mode, working hours,
 * warning points) and its own holidays and make-up working days. A refusal comes back as
 * a message on the page and changes nothing.
 */
@Controller
@RequestMapping("/admin/sla")
class AdminSlaPages {

	private final SlaAdministration sla;

	private final PropertyDirectory property;

	private final JsonMapper json;

	AdminSlaPages(SlaAdministration sla, PropertyDirectory property, JsonMapper json) {
		this.sla = sla;
		this.property = property;
		this.json = json;
	}

	@GetMapping
	String show(Actor me, @RequestParam(required = false) String project, Model model) {
		List<Project> projects = property.projectsOf(me.tenantId());
		String code = project != null ? project : projects.isEmpty() ? "" : projects.get(0).code();
		model.addAttribute("projects", projects);
		model.addAttribute("project", code);
		var policy = sla.policy(me, code);
		model.addAttribute("policy", policy);
		Map<String, DurationField> fields = new java.util.HashMap<>();
		policy.grades().forEach((grade, limits) -> {
			fields.put(grade + ".respond", DurationField.of(limits.respond()));
			fields.put(grade + ".arrive", DurationField.of(limits.arrive()));
			fields.put(grade + ".complete", DurationField.of(limits.complete()));
		});
		model.addAttribute("fields", fields);
		model.addAttribute("units", DurationField.UNITS);
		model.addAttribute("days", sla.declaredDays(me, code));
		model.addAttribute("grades", Grade.values());
		model.addAttribute("clocks", ClockMode.values());
		model.addAttribute("dayTypes", DayType.values());
		return "admin/sla";
	}

	@PostMapping("/policy")
	String update(Actor me, @RequestParam String project, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		ObjectNode changes = json.createObjectNode();
		changes.put("version", Integer.parseInt(form.getOrDefault("version", "0")));
		ObjectNode grades = changes.putObject("grades");
		for (Grade grade : Grade.values()) {
			ObjectNode limits = grades.putObject(grade.name());
			for (String limit : List.of("respond", "arrive", "complete")) {
				limits.put(limit,
						DurationField.iso(form.get(grade + "." + limit), form.get(grade + "." + limit + ".unit")));
			}
			String clock = form.getOrDefault(grade + ".clock", "");
			limits.set("clock",
					java.util.Arrays.stream(ClockMode.values())
						.filter(c -> c.name().equals(clock))
						.findFirst().<tools.jackson.databind.JsonNode>map(json::valueToTree)
						.orElse(null));
		}
		changes.putObject("workingHours")
			.put("from", form.getOrDefault("hoursFrom", ""))
			.put("to", form.getOrDefault("hoursTo", ""));
		ArrayNode warnAt = changes.putArray("warnAt");
		try {
			for (String fraction : form.getOrDefault("warnAt", "").split("[,，\\s]+")) {
				if (!fraction.isBlank()) {
					warnAt.add(Double.parseDouble(fraction));
				}
			}
			int version = sla.update(me, project, changes).version();
			redirect.addFlashAttribute("noticeKey", "admin.sla.saved");
			redirect.addFlashAttribute("noticeArg", version);
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("error", "warnAt: fractions between 0 and 1, e.g. 0.5, 0.8 预警点应为 0 到 1 之间的小数");
		}
		catch (InvalidInput | ConcurrentChange ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/sla?project=" + project;
	}

	@PostMapping("/calendar")
	String declare(Actor me, @RequestParam String project, @RequestParam String day,
			@RequestParam(required = false) DayType type, @RequestParam(defaultValue = "false") boolean restore,
			RedirectAttributes redirect) {
		LocalDate date;
		try {
			date = LocalDate.parse(day);
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("error", "day: a date such as 2027-01-01 请填写日期");
			return "redirect:/admin/sla?project=" + project;
		}
		if (restore) {
			sla.restore(me, project, date);
		}
		else if (type == null) {
			redirect.addFlashAttribute("error", "type: choose holiday or working day 请选择类型");
			return "redirect:/admin/sla?project=" + project;
		}
		else {
			sla.declare(me, project, date, type);
		}
		redirect.addFlashAttribute("noticeKey", "admin.sla.declared");
		redirect.addFlashAttribute("noticeArg", date);
		return "redirect:/admin/sla?project=" + project;
	}

}
