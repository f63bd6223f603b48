package org.suxiu.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.triage.Triage;
import org.suxiu.triage.TriageRules;

/**
 * Administration: the tenant's grading rules as a JSON document, checked as the API
 * checks them (a bad document is shown with its errors and changes nothing), and a
 * preview of the grade the saved rules give a description.
 */
@Controller
@RequestMapping("/admin/triage")
class AdminTriagePages {

	private final Triage triage;

	private final JsonMapper json;

	private final Validator validator;

	AdminTriagePages(Triage triage, JsonMapper json, Validator validator) {
		this.triage = triage;
		this.json = json;
		this.validator = validator;
	}

	@GetMapping
	String show(Actor me, Model model) {
		Triage.VersionedRules rules = triage.rules(me.tenantId());
		if (!model.containsAttribute("document")) {
			model.addAttribute("document", json.writerWithDefaultPrettyPrinter().writeValueAsString(rules.rules()));
			model.addAttribute("version", rules.version());
		}
		model.addAttribute("categories", Category.values());
		return "admin/triage";
	}

	@PostMapping
	String save(Actor me, @RequestParam String document, @RequestParam int version, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		List<String> errors = new ArrayList<>();
		try {
			TriageRules rules = json.readValue(document, TriageRules.class);
			for (ConstraintViolation<TriageRules> violation : validator.validate(rules)) {
				errors.add(violation.getPropertyPath() + ": " + violation.getMessage());
			}
			if (errors.isEmpty()) {
				int saved = triage.replace(me.tenantId(), version, rules, me.username()).version();
				redirect.addFlashAttribute("noticeKey", "admin.triage.saved");
				redirect.addFlashAttribute("noticeArg", saved);
				return "redirect:/admin/triage";
			}
		}
		catch (JacksonException ex) {
			errors.add(ex.getOriginalMessage());
		}
		catch (ConcurrentChange ex) {
			errors.add(ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			errors.add(String.valueOf(ex.getMessage()));
		}
		errors.sort(null);
		response.setStatus(errors.stream().anyMatch(e -> e.contains("changed")) ? 409 : 400);
		model.addAttribute("errors", errors);
		model.addAttribute("document", document);
		model.addAttribute("version", version);
		return show(me, model);
	}

	@PostMapping("/restore")
	String restore(Actor me, RedirectAttributes redirect) {
		triage.restoreShipped(me.tenantId());
		redirect.addFlashAttribute("noticeKey", "admin.triage.restored");
		return "redirect:/admin/triage";
	}

	@PostMapping("/preview")
	String preview(Actor me, @RequestParam(required = false) Category category, @RequestParam String description,
			Model model) {
		model.addAttribute("preview", triage.grade(me.tenantId(), category, description));
		model.addAttribute("description", description);
		model.addAttribute("category", category);
		return show(me, model);
	}

}
