package org.suxiu.web;

import java.util.HashSet;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.identity.PasswordSignIn;
import org.suxiu.property.PropertyAdministration;
import org.suxiu.property.PropertyAdministration.NewStaff;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;

/**
 * Administration: the tenant's staff, adding one, changing a role or deactivating.
 */
@Controller
@RequestMapping("/admin/staff")
class AdminStaffPages {

	private final PropertyAdministration administration;

	private final PropertyDirectory property;

	private final PasswordSignIn passwords;

	AdminStaffPages(PropertyAdministration administration, PropertyDirectory property, PasswordSignIn passwords) {
		this.administration = administration;
		this.property = property;
		this.passwords = passwords;
	}

	@GetMapping
	String list(Actor me, Model model) {
		var staff = administration.staff(me);
		model.addAttribute("staff", staff);
		model.addAttribute("locked",
				staff.stream()
					.map(s -> s.username())
					.filter(name -> !passwords.lockedFor(name).isZero())
					.collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("roles", staffRoles());
		model.addAttribute("projects", property.projectsOf(me.tenantId()));
		return "admin/staff";
	}

	@PostMapping
	String add(Actor me, @RequestParam String username, @RequestParam String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) Role role,
			@RequestParam String password, @RequestParam(name = "project", required = false) List<Long> projects,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			administration.addStaff(me, new NewStaff(username.strip(), name, phone, role, password,
					projects == null ? java.util.Set.of() : new HashSet<>(projects)));
		}
		catch (InvalidInput ex) {
			response.setStatus(400);
			model.addAttribute("errors", ex.errors());
			model.addAttribute("form", new Form(username, name, phone, role));
			return list(me, model);
		}
		redirect.addFlashAttribute("noticeKey", "admin.staff.added");
		redirect.addFlashAttribute("noticeArg", username.strip());
		return "redirect:/admin/staff";
	}

	@PostMapping("/{id}")
	String change(Actor me, @PathVariable long id, @RequestParam(required = false) Role role,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		var changed = administration.change(me, id, role, active);
		redirect.addFlashAttribute("noticeKey", "admin.staff.changed");
		redirect.addFlashAttribute("noticeArg", changed.username());
		return "redirect:/admin/staff";
	}

	/** Lifts a sign-in lock after too many wrong passwords, as the API's "unlock". */
	@PostMapping("/{id}/unlock")
	String unlock(Actor me, @PathVariable long id, RedirectAttributes redirect) {
		var member = administration.staffMember(me, id);
		passwords.unlock(member.username());
		redirect.addFlashAttribute("noticeKey", "admin.staff.unlocked");
		redirect.addFlashAttribute("noticeArg", member.username());
		return "redirect:/admin/staff";
	}

	private static List<Role> staffRoles() {
		return java.util.Arrays.stream(Role.values()).filter(Role::isStaff).toList();
	}

	record Form(String username, String name, String phone, Role role) {
	}

}
