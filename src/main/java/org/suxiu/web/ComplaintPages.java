package org.suxiu.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.complaint.ComplaintChannel;
import org.suxiu.complaint.ComplaintStatus;
import org.suxiu.complaint.ComplaintView;
import org.suxiu.complaint.Complaints;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Role;

/**
 * Complaints on the pages: the office's list and each complaint with the steps the person
 * may take; the owner complains of an order and confirms or refuses the resolution on the
 * order's page; the agent opens one for a caller.
 */
@Controller
class ComplaintPages {

	private final Complaints complaints;

	private final PropertyDirectory property;

	ComplaintPages(Complaints complaints, PropertyDirectory property) {
		this.complaints = complaints;
		this.property = property;
	}

	@GetMapping("/complaints")
	String list(Actor me, @RequestParam(required = false) ComplaintStatus status, Model model) {
		model.addAttribute("complaints", complaints.list(me, status, null, null, 0, 100).items());
		model.addAttribute("status", status);
		model.addAttribute("statuses", ComplaintStatus.values());
		return "complaints/list";
	}

	@GetMapping("/complaints/{id}")
	String detail(Actor me, @PathVariable long id, Model model) {
		ComplaintView complaint = complaints.get(me, id);
		model.addAttribute("c", complaint);
		List<StaffMember> supervisors = me.tenantId() == null ? List.of()
				: property.staffOf(me.tenantId(), Role.SUPERVISOR).stream().filter(StaffMember::active).toList();
		model.addAttribute("supervisors", supervisors);
		return "complaints/detail";
	}

	@PostMapping("/complaints/{id}/{action:assign|respond|resolve|close}")
	String step(Actor me, @PathVariable long id, @PathVariable String action,
			@RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String supervisor,
			@RequestParam(defaultValue = "false") boolean ownerConfirmed,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		complaints.act(me, id, action, new Complaints.ComplaintStep(blank(note), blank(note), blank(reason),
				blank(supervisor), ownerConfirmed, version));
		redirect.addFlashAttribute("noticeKey", "complaint.done." + action);
		redirect.addFlashAttribute("noticeArg", id);
		return "redirect:/complaints/" + id;
	}

	@PostMapping("/owner/orders/{number}/complaints")
	String ownerComplains(Actor me, @PathVariable String number, @RequestParam(defaultValue = "") String description,
			RedirectAttributes redirect) {
		ComplaintView opened = complaints.open(me,
				new Complaints.NewComplaint(number, null, description, ComplaintChannel.APP, null));
		redirect.addFlashAttribute("noticeKey", "complaint.opened");
		redirect.addFlashAttribute("noticeArg", opened.id());
		return "redirect:/owner/orders/" + number;
	}

	@PostMapping("/owner/complaints/{id}/{action:close|reject}")
	String ownerAnswers(Actor me, @PathVariable long id, @PathVariable String action,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		ComplaintView complaint = complaints.act(me, id, action,
				new Complaints.ComplaintStep(null, null, blank(reason), null, null, null));
		redirect.addFlashAttribute("noticeKey", "complaint.owner." + action);
		redirect.addFlashAttribute("noticeArg", id);
		return complaint.number() == null ? "redirect:/owner" : "redirect:/owner/orders/" + complaint.number();
	}

	@PostMapping("/agent/orders/{number}/complaints")
	String agentOpens(Actor me, @PathVariable String number, @RequestParam(defaultValue = "") String description,
			RedirectAttributes redirect) {
		ComplaintView opened = complaints.open(me,
				new Complaints.NewComplaint(number, null, description, ComplaintChannel.HOTLINE, null));
		redirect.addFlashAttribute("noticeKey", "complaint.opened");
		redirect.addFlashAttribute("noticeArg", opened.id());
		return "redirect:/complaints/" + opened.id();
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
