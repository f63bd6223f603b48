package org.suxiu.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.shared.Actor;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.triage.Exemplar;
import org.suxiu.triage.ExemplarLibrary;

/**
 * Administration: the labelled descriptions grades are drawn from — the tenant's own
 * (regrades by staff, imports) and the shipped ones — to review, remove bad ones, and
 * export or import as JSON lines.
 */
@Controller
@RequestMapping("/admin/triage/exemplars")
class AdminExemplarPages {

	private static final int PAGE = 50;

	private final ExemplarLibrary library;

	AdminExemplarPages(ExemplarLibrary library) {
		this.library = library;
	}

	@GetMapping
	String list(Actor me, @RequestParam(required = false) Grade grade,
			@RequestParam(required = false) Exemplar.Source source, @RequestParam(defaultValue = "0") int page,
			Model model) {
		List<Exemplar> all = library.list(me.tenantId(), grade, source);
		int pages = Math.max(1, (all.size() + PAGE - 1) / PAGE);
		int current = Math.max(0, Math.min(page, pages - 1));
		model.addAttribute("items", all.subList(current * PAGE, Math.min(all.size(), (current + 1) * PAGE)));
		model.addAttribute("total", all.size());
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("grade", grade);
		model.addAttribute("source", source);
		model.addAttribute("grades", Grade.values());
		model.addAttribute("sources", Exemplar.Source.values());
		return "admin/exemplars";
	}

	@PostMapping("/{id}/delete")
	String delete(Actor me, @PathVariable String id, RedirectAttributes redirect) {
		library.remove(me.tenantId(), id, me.username());
		redirect.addFlashAttribute("noticeKey", "admin.exemplars.removed");
		return "redirect:/admin/triage/exemplars";
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(Actor me) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"triage-exemplars.jsonl\"")
			.contentType(MediaType.parseMediaType("application/x-ndjson;charset=UTF-8"))
			.body(library.export(me.tenantId()).getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/import")
	String importFile(Actor me, @RequestParam("file") MultipartFile file, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		try {
			if (file.getSize() > 4_000_000) {
				throw new InvalidInput("file", "at most 4 MB");
			}
			int imported = library.importLines(me.tenantId(), new String(file.getBytes(), StandardCharsets.UTF_8),
					me.username());
			redirect.addFlashAttribute("noticeKey", "admin.exemplars.imported");
			redirect.addFlashAttribute("noticeArg", imported);
			return "redirect:/admin/triage/exemplars";
		}
		catch (DomainException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("importErrors",
					ex instanceof InvalidInput invalid
							? invalid.errors().stream().map(e -> e.field() + ": " + e.message()).toList()
							: List.of(ex.getMessage()));
			return list(me, null, null, 0, model);
		}
	}

}
