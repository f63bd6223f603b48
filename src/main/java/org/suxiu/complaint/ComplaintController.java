package org.suxiu.complaint;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.shared.Actor;

/** Complaints over the API. */
@RestController
@Tag(name = "Complaints 投诉")
class ComplaintController {

	private final Complaints complaints;

	ComplaintController(Complaints complaints) {
		this.complaints = complaints;
	}

	@PostMapping("/api/v1/complaints")
	@Operation(summary = "Open a complaint 投诉 (OWNER; AGENT, SUPERVISOR, MANAGER for a caller)",
			description = "Owners complain of their own order (number) or in a project where they own a home; "
					+ "staff give the caller (complainant {name, phone}) or the order, whose reporter is then the "
					+ "complainant. Assigned to the project's first supervisor; answered within 24 hours and "
					+ "resolved within 3 working days (suxiu.complaint.*), else escalated.")
	ResponseEntity<ComplaintView> open(Actor actor, @RequestBody Complaints.NewComplaint request) {
		ComplaintView opened = complaints.open(actor, request);
		return ResponseEntity.created(URI.create("/api/v1/complaints/" + opened.id())).body(opened);
	}

	@GetMapping("/api/v1/complaints")
	@Operation(summary = "Complaints, newest first 投诉列表 (owners their own; office staff their projects')")
	Complaints.Page list(Actor actor, @RequestParam(required = false) ComplaintStatus status,
			@RequestParam(required = false) String projectCode, @RequestParam(required = false) String number,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return complaints.list(actor, status, projectCode, number, page, size);
	}

	@GetMapping("/api/v1/complaints/{id}")
	@Operation(summary = "One complaint with its steps 投诉详情")
	ComplaintView get(Actor actor, @PathVariable long id) {
		return complaints.get(actor, id);
	}

	@PostMapping({ "/api/v1/complaints/{id}/assign", "/api/v1/complaints/{id}/respond",
			"/api/v1/complaints/{id}/resolve", "/api/v1/complaints/{id}/reject", "/api/v1/complaints/{id}/close" })
	@Operation(summary = "A step 投诉处理: the last path segment names it", description = """
			assign 指派 (supervisor: id or username of a supervisor of the project; SUPERVISOR, MANAGER) · \
			respond 回复 (note; SUPERVISOR, MANAGER; stops the respond clock) · resolve 处理完毕 (resolution; \
			SUPERVISOR, MANAGER) · reject 不认可 (reason; the owner who complained, once resolved: back to \
			the supervisor) · close 关闭: the owner who complained, or an AGENT with ownerConfirmed true, \
			once resolved; a MANAGER at any time with a reason. A step not allowed from the current status \
			409, by the wrong person 403, version other than the current one 409.""")
	ComplaintView act(Actor actor, @PathVariable long id, @RequestBody(required = false) Complaints.ComplaintStep step,
			jakarta.servlet.http.HttpServletRequest request) {
		String path = request.getRequestURI();
		String action = path.substring(path.lastIndexOf('/') + 1);
		return complaints.act(actor, id, action,
				step != null ? step : new Complaints.ComplaintStep(null, null, null, null, null, null));
	}

}
