package org.suxiu.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.property.PlacePoint;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyAdministration;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;

/**
 * Administration: the tenant's projects and their buildings with coordinates, which feed
 * the dispatcher's site plan and the travel times.
 */
@Controller
@RequestMapping("/admin/sites")
class AdminSitePages {

	private final PropertyDirectory property;

	private final PropertyAdministration administration;

	AdminSitePages(PropertyDirectory property, PropertyAdministration administration) {
		this.property = property;
		this.administration = administration;
	}

	@GetMapping
	String list(Actor me, Model model) {
		Map<Project, List<PlacePoint>> sites = new LinkedHashMap<>();
		property.projectsOf(me.tenantId()).forEach(p -> sites.put(p, property.buildings(p.id())));
		model.addAttribute("sites", sites);
		return "admin/sites";
	}

	@PostMapping
	String move(Actor me, @RequestParam String project, @RequestParam String building, @RequestParam String lat,
			@RequestParam String lng, RedirectAttributes redirect) {
		try {
			administration.moveBuilding(me, project, building, coordinate("lat", lat), coordinate("lng", lng));
			redirect.addFlashAttribute("noticeKey", "admin.sites.saved");
			redirect.addFlashAttribute("noticeArg", building);
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/sites";
	}

	private static double coordinate(String field, String value) {
		try {
			return Double.parseDouble(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field, "a number in degrees, e.g. 31.2304 请填写以度为单位的数字");
		}
	}

}
