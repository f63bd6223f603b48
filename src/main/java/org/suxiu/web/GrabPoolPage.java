package org.suxiu.web;

import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.dispatch.GrabPoolSettings;
import org.suxiu.dispatch.GrabPools;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;

/**
 * The grab pool's settings (抢单设置) of a project: open or closed, which grades and repair
 * types technicians may claim themselves, and how long an order stays on offer, typed as
 * a number and a unit. Dispatchers read them; supervisors, managers and administrators
 * change them.
 */
@Controller
@RequestMapping("/settings/grab-pool")
class GrabPoolPage {

	private final GrabPools pools;

	private final PropertyDirectory property;

	GrabPoolPage(GrabPools pools, PropertyDirectory property) {
		this.pools = pools;
		this.property = property;
	}

	@GetMapping
	String page(Actor me, @RequestParam(required = false) String project, Model model) {
		ProjectChoice choice = ProjectChoice.of(property, me, project);
		model.addAttribute("projects", choice.projects());
		model.addAttribute("project", choice.project());
		if (choice.project() != null) {
			GrabPoolSettings settings = pools.settings(me, choice.code());
			model.addAttribute("pool", settings);
			model.addAttribute("window", window(settings.offerMinutes()));
		}
		model.addAttribute("editable", pools.mayChange(me));
		model.addAttribute("grades", GrabPoolSettings.GRABBABLE);
		model.addAttribute("categories", Category.values());
		model.addAttribute("units", DurationField.UNITS);
		return "settings/grab-pool";
	}

	@PostMapping
	String save(Actor me, @RequestParam String project, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(required = false) Set<Grade> grades, @RequestParam(required = false) Set<Category> categories,
			@RequestParam(defaultValue = "") String window, @RequestParam(defaultValue = "min") String unit,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		pools.update(me, project, new GrabPools.Change(enabled, grades, categories, minutes(window, unit), version));
		redirect.addFlashAttribute("noticeKey", "grabpool.saved");
		redirect.addFlashAttribute("noticeArg", project);
		return "redirect:/settings/grab-pool?project=" + project;
	}

	/**
	 * The offer window as typed: a whole number of minutes, hours or days; blank for
	 * none.
	 */
	static Integer minutes(String amount, String unit) {
		if (amount.isBlank()) {
			return null;
		}
		long n;
		try {
			n = Long.parseLong(amount.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("offerMinutes", "must be a whole number");
		}
		long minutes = switch (unit) {
			case "h" -> n * 60;
			case "d" -> n * 1440;
			default -> n;
		};
		return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, minutes));
	}

	/** The window as the form shows it, in the largest whole unit. */
	static DurationField window(Integer minutes) {
		if (minutes == null) {
			return new DurationField(null, "min");
		}
		if (minutes % 1440 == 0) {
			return new DurationField((long) minutes / 1440, "d");
		}
		return minutes % 60 == 0 ? new DurationField((long) minutes / 60, "h")
				: new DurationField((long) minutes, "min");
	}

}
