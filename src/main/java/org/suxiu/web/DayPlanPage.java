package org.suxiu.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.dispatch.DayPlanView;
import org.suxiu.dispatch.DayPlanning;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;

/**
 * The supervisor's day plan (日计划): propose a plan for the project's waiting general and
 * planned orders, read it beside the work each technician already has, with arrival
 * times, travel and whether each promise is kept, and apply it.
 */
@Controller
@RequestMapping("/dispatch/day-plan")
class DayPlanPage {

	private final DayPlanning planning;

	private final PropertyDirectory property;

	private final Words words;

	DayPlanPage(DayPlanning planning, PropertyDirectory property, Words words) {
		this.planning = planning;
		this.property = property;
		this.words = words;
	}

	/** The plan asked for, else the project's latest. */
	@GetMapping
	String page(Actor me, @RequestParam(required = false) String project, @RequestParam(required = false) Long plan,
			Model model) {
		ProjectChoice choice = ProjectChoice.of(property, me, project);
		model.addAttribute("projects", choice.projects());
		model.addAttribute("project", choice.project());
		if (choice.project() != null) {
			DayPlanView shown = plan != null ? planning.one(me, choice.code(), plan) : latest(me, choice.code());
			model.addAttribute("plan", shown);
			model.addAttribute("rows", shown == null ? null : DayPlanRows.of(shown, words));
		}
		return "dispatch/day-plan";
	}

	@PostMapping
	String propose(Actor me, @RequestParam String project) {
		DayPlanView plan = planning.propose(me, project);
		return "redirect:/dispatch/day-plan?project=" + plan.projectCode() + "&plan=" + plan.id();
	}

	@PostMapping("/{id}/apply")
	String apply(Actor me, @RequestParam String project, @PathVariable long id, RedirectAttributes redirect) {
		DayPlanView plan = planning.apply(me, project, id);
		long dispatched = plan.routes()
			.stream()
			.flatMap(r -> r.stops().stream())
			.filter(s -> "DISPATCHED".equals(s.outcome()))
			.count();
		redirect.addFlashAttribute("noticeKey", "dayplan.applied");
		redirect.addFlashAttribute("noticeArg", dispatched);
		return "redirect:/dispatch/day-plan?project=" + plan.projectCode() + "&plan=" + plan.id();
	}

	private DayPlanView latest(Actor me, String code) {
		List<DayPlanView> latest = planning.latest(me, code);
		return latest.isEmpty() ? null : latest.get(0);
	}

}
