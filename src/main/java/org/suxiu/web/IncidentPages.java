package org.suxiu.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.incident.Incidents;
import org.suxiu.incident.NewIncident;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;

/**
 * The dispatcher's incidents (一事多报): SuXiu's proposals of orders with one cause, merging
 * them under one lead order, the incidents so far, and a notice to a whole building.
 */
@Controller
class IncidentPages {

	private final Incidents incidents;

	private final PropertyDirectory property;

	IncidentPages(Incidents incidents, PropertyDirectory property) {
		this.incidents = incidents;
		this.property = property;
	}

	@GetMapping("/dispatch/incidents")
	String page(Actor me, @RequestParam(defaultValue = "") String project, Model model) {
		List<Project> projects = me.tenantId() == null ? List.of()
				: property.projectsOf(me.tenantId()).stream().filter(p -> me.serves(p.tenantId(), p.id())).toList();
		if (projects.isEmpty()) {
			throw new InvalidInput("project", "no project");
		}
		Project chosen = projects.stream().filter(p -> p.code().equals(project)).findFirst().orElse(projects.get(0));
		model.addAttribute("projects", projects);
		model.addAttribute("project", chosen.code());
		model.addAttribute("proposals", incidents.proposals(me, chosen.code()));
		model.addAttribute("incidents", incidents.list(me, chosen.code()));
		model.addAttribute("buildings", property.buildings(chosen.id()));
		return "dispatch/incidents";
	}

	@PostMapping("/dispatch/incidents")
	String merge(Actor me, @RequestParam String project, @RequestParam String title,
			@RequestParam(name = "number") List<String> numbers, RedirectAttributes redirect) {
		if (numbers.size() < 2) {
			throw new InvalidInput("numbers", "至少两张报修单 at least two orders");
		}
		incidents.create(me, new NewIncident(numbers.get(0), title, numbers.subList(1, numbers.size())));
		redirect.addFlashAttribute("noticeKey", "incidents.merged");
		redirect.addFlashAttribute("noticeArg", numbers.get(0));
		return "redirect:/dispatch/incidents?project=" + project;
	}

	@PostMapping("/dispatch/incidents/notice")
	String notice(Actor me, @RequestParam String project, @RequestParam String building, @RequestParam String text,
			RedirectAttributes redirect) {
		incidents.notice(me, project, building, text);
		redirect.addFlashAttribute("noticeKey", "incidents.noticed");
		redirect.addFlashAttribute("noticeArg", building);
		return "redirect:/dispatch/incidents?project=" + project;
	}

}
