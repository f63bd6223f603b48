package org.suxiu.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.dispatch.Shift;
import org.suxiu.dispatch.TechnicianProfiles;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.InvalidInput;

/**
 * Administration: each technician's skills with levels and weekly shifts, on call or not.
 * A refusal goes back to the page with the reason ({@link PageErrors}) and changes
 * nothing.
 */
@Controller
@RequestMapping("/admin/technicians")
class AdminTechnicianPages {

	/** Empty shift rows offered for adding. */
	private static final int SPARE_ROWS = 2;

	private final TechnicianProfiles profiles;

	AdminTechnicianPages(TechnicianProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping
	String list(Actor me, @RequestParam(required = false) String id, Model model) {
		List<TechnicianProfiles.Profile> all = profiles.profiles(me);
		model.addAttribute("technicians", all);
		TechnicianProfiles.Profile chosen = id == null ? all.stream().findFirst().orElse(null)
				: profiles.profile(me, id);
		model.addAttribute("chosen", chosen);
		model.addAttribute("categories", Category.values());
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("spare", SPARE_ROWS);
		return "admin/technicians";
	}

	@PostMapping("/{id}")
	String save(Actor me, @PathVariable String id, @RequestParam Map<String, String> form,
			@RequestParam(name = "day", required = false) List<String> days,
			@RequestParam(name = "from", required = false) List<String> froms,
			@RequestParam(name = "to", required = false) List<String> tos,
			@RequestParam(name = "onCall", required = false) List<String> onCalls, RedirectAttributes redirect) {
		try {
			profiles.update(me, id, skills(form), shifts(days, froms, tos, onCalls));
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/admin/technicians?id=" + id;
		}
		redirect.addFlashAttribute("noticeKey", "admin.techs.saved");
		redirect.addFlashAttribute("noticeArg", profiles.profile(me, id).name());
		return "redirect:/admin/technicians?id=" + id;
	}

	private static Map<Category, Integer> skills(Map<String, String> form) {
		Map<Category, Integer> skills = new EnumMap<>(Category.class);
		for (Category category : Category.values()) {
			String level = form.getOrDefault("skill." + category, "").strip();
			if (!level.isEmpty()) {
				skills.put(category, number(level));
			}
		}
		return skills;
	}

	private static List<Shift> shifts(List<String> days, List<String> froms, List<String> tos, List<String> onCalls) {
		List<Shift> shifts = new ArrayList<>();
		for (int i = 0; froms != null && i < froms.size(); i++) {
			if (froms.get(i).isBlank() && tos.get(i).isBlank()) {
				continue;
			}
			String day = days.get(i);
			shifts.add(new Shift(day.isBlank() ? null : DayOfWeek.valueOf(day), time(froms.get(i)), time(tos.get(i)),
					"true".equals(onCalls.get(i))));
		}
		return shifts;
	}

	private static int number(String level) {
		try {
			return Integer.parseInt(level);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("skills", "levels are 1 to 5 技能等级为 1 到 5");
		}
	}

	private static LocalTime time(String value) {
		try {
			return LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("shifts", "each shift needs a start and an end 每个班次需要开始和结束时间");
		}
	}

}
