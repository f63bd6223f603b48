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
import org.suxiu.property.AreaDetails;
import org.suxiu.property.AreaKind;
import org.suxiu.property.BuildingDetails;
import org.suxiu.property.MasterData;
import org.suxiu.property.MasterData.ProjectChanges;
import org.suxiu.property.ProjectDetails;
import org.suxiu.property.ProjectSites;
import org.suxiu.property.ProjectSites.NewArea;
import org.suxiu.property.ProjectSites.NewBuilding;
import org.suxiu.property.PropertyAdministration;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;

/**
 * Administration: the company's projects with their buildings (and coordinates, which
 * feed the dispatcher's site plan and the travel times) and common areas; add a building
 * or an area, archive a project.
 */
@Controller
@RequestMapping("/admin/sites")
class AdminSitePages {

	private final MasterData masterData;

	private final ProjectSites sites;

	private final PropertyAdministration administration;

	AdminSitePages(MasterData masterData, ProjectSites sites, PropertyAdministration administration) {
		this.masterData = masterData;
		this.sites = sites;
		this.administration = administration;
	}

	/**
	 * A project with what it contains, for the page.
	 *
	 * @param project the project
	 * @param buildings its buildings
	 * @param areas its common areas
	 */
	public record ProjectSite(ProjectDetails project, List<BuildingDetails> buildings, List<AreaDetails> areas) {
	}

	@GetMapping
	String list(Actor me, Model model) {
		Map<String, ProjectSite> all = new LinkedHashMap<>();
		masterData.projects(me)
			.forEach(p -> all.put(p.code(),
					new ProjectSite(p, sites.buildings(me, p.code()), sites.areas(me, p.code()))));
		model.addAttribute("sites", all.values());
		model.addAttribute("kinds", AreaKind.values());
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

	@PostMapping("/buildings")
	String addBuilding(Actor me, @RequestParam String project, @RequestParam String code,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String floors,
			@RequestParam(defaultValue = "") String units, @RequestParam(defaultValue = "") String lat,
			@RequestParam(defaultValue = "") String lng, RedirectAttributes redirect) {
		try {
			sites.addBuilding(me, project, new NewBuilding(code, name, integer("floors", floors),
					integer("units", units), AdminSetupPages.number("lat", lat), AdminSetupPages.number("lng", lng)));
			redirect.addFlashAttribute("noticeKey", "admin.sites.building.added");
			redirect.addFlashAttribute("noticeArg", code);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/sites";
	}

	@PostMapping("/areas")
	String addArea(Actor me, @RequestParam String project, @RequestParam String name,
			@RequestParam(required = false) AreaKind kind, @RequestParam(defaultValue = "") String building,
			RedirectAttributes redirect) {
		try {
			sites.addArea(me, project, new NewArea(name, kind, building));
			redirect.addFlashAttribute("noticeKey", "admin.sites.area.added");
			redirect.addFlashAttribute("noticeArg", name);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/sites";
	}

	@PostMapping("/archive")
	String archive(Actor me, @RequestParam String project, @RequestParam boolean archived,
			RedirectAttributes redirect) {
		masterData.change(me, project, new ProjectChanges(null, null, null, null, null, null, null, archived));
		redirect.addFlashAttribute("noticeKey", archived ? "admin.sites.archived" : "admin.sites.restored");
		redirect.addFlashAttribute("noticeArg", project);
		return "redirect:/admin/sites";
	}

	private static Integer integer(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field, "a whole number 请填写整数");
		}
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
