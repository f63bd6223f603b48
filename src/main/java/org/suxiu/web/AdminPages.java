package org.suxiu.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.suxiu.property.HomeImport;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.InvalidInput;

/**
 * The administrator's home: the first-run path while the company is not set up, links to
 * each administration page, and homes and owners imported from Excel or CSV.
 */
@Controller
@RequestMapping("/admin")
class AdminPages {

	private final HomeImport homeImport;

	private final PropertyDirectory property;

	private final FirstRun firstRun;

	AdminPages(HomeImport homeImport, PropertyDirectory property, FirstRun firstRun) {
		this.homeImport = homeImport;
		this.property = property;
		this.firstRun = firstRun;
	}

	@GetMapping
	String home(Actor me, Model model) {
		model.addAttribute("projects", projects(me));
		model.addAttribute("setup", firstRun.progress(me));
		return "admin/home";
	}

	@PostMapping("/homes")
	String importHomes(Actor me, @RequestParam String project, @RequestParam(required = false) MultipartFile file,
			Model model, HttpServletResponse response) {
		model.addAttribute("projects", projects(me));
		model.addAttribute("project", project);
		model.addAttribute("setup", firstRun.progress(me));
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInput("file", "choose a CSV file 请选择 CSV 文件");
			}
			model.addAttribute("result",
					homeImport.importFile(me, project, file.getOriginalFilename(), file.getInputStream()));
		}
		catch (DomainException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("importError", ex.getMessage());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return "admin/home";
	}

	private List<Project> projects(Actor me) {
		return property.projectsOf(me.tenantId()).stream().filter(p -> me.serves(p.tenantId(), p.id())).toList();
	}

}
