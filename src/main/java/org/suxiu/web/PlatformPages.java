package org.suxiu.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.property.Companies;
import org.suxiu.property.Companies.NewCompany;
import org.suxiu.property.CompanyDetails;
import org.suxiu.shared.Actor;
import org.suxiu.shared.DomainException;

/**
 * The platform operator's page: the property companies hosted here, a new one with its
 * first administrator, suspend or restore; nothing inside any company.
 */
@Controller
@RequestMapping("/platform")
class PlatformPages {

	private final Companies companies;

	PlatformPages(Companies companies) {
		this.companies = companies;
	}

	@GetMapping
	String list(Actor me, Model model) {
		model.addAttribute("companies", companies.list(me));
		return "platform/companies";
	}

	@PostMapping("/companies")
	String create(Actor me, @RequestParam String name, @RequestParam String adminUsername,
			@RequestParam String adminPassword, RedirectAttributes redirect) {
		try {
			CompanyDetails created = companies.create(me, new NewCompany(name, null, adminUsername, adminPassword));
			redirect.addFlashAttribute("noticeKey", "platform.created");
			redirect.addFlashAttribute("noticeArg", created.name());
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/platform";
	}

	@PostMapping("/companies/{id}")
	String suspend(Actor me, @PathVariable long id, @RequestParam boolean suspended, RedirectAttributes redirect) {
		CompanyDetails company = companies.suspend(me, id, suspended);
		redirect.addFlashAttribute("noticeKey", "platform.changed");
		redirect.addFlashAttribute("noticeArg", company.name());
		return "redirect:/platform";
	}

}
