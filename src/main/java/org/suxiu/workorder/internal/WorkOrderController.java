package org.suxiu.workorder.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Grade;
import org.suxiu.shared.NotFound;
import org.suxiu.workorder.Appointment;
import org.suxiu.workorder.NewWorkOrder;
import org.suxiu.workorder.OrderAction;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrderView;
import org.suxiu.workorder.WorkOrders;

/**
 * The work-order API of the public contract: intake, reading, listing and every
 * transition, all through the {@link WorkOrders} facade.
 */
@RestController
@Validated
@RequestMapping("/api/v1/work-orders")
@Tag(name = "Work orders 报修单")
class WorkOrderController {

	private final WorkOrders orders;

	private final PropertyDirectory directory;

	WorkOrderController(WorkOrders orders, PropertyDirectory directory) {
		this.orders = orders;
		this.directory = directory;
	}

	@PostMapping
	@Operation(summary = "Report a fault 报修",
			description = "Owners report for their own homes through APP or WECHAT; staff enter HOTLINE and FRONT_DESK calls. "
					+ "The same Idempotency-Key and body within 24 h return the original order.")
	ResponseEntity<WorkOrderView> create(Actor actor, @Valid @RequestBody NewWorkOrder request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		WorkOrders.Reported reported = orders.report(actor, request, idempotencyKey);
		return ResponseEntity.status(reported.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/work-orders/" + reported.order().number()))
			.body(reported.order());
	}

	@GetMapping("/{number}")
	@Operation(summary = "One order with its whole history 报修单详情")
	WorkOrderView get(Actor actor, @PathVariable String number) {
		return orders.read(actor, number);
	}

	@GetMapping
	@Operation(summary = "Orders the caller may see, newest first 报修单列表",
			description = """
					Owners see their own orders, technicians their own jobs, other staff their projects'. 			`total` is exact up to 10,000 matches; above that it is the database's estimate and 			`totalIsEstimate` is true (an exact count would read every match). `next` is a cursor for the 			page after this one (null on the last page): pass it as `after` to page deep at the speed 			of the first page; `page` still works, and is ignored when `after` is given.""")
	PageView list(Actor actor, @RequestParam(required = false) List<Status> status,
			@RequestParam(required = false) Grade grade, @RequestParam(required = false) String projectCode,
			@RequestParam(required = false) String assignee, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) @Size(max = 100) String after) {
		Long projectId = null;
		if (projectCode != null) {
			projectId = directory.project(projectCode).map(Project::id).orElse(-1L);
		}
		Long assigneeId = null;
		if (assignee != null) {
			assigneeId = actor.tenantId() == null ? -1L
					: directory.staff(actor.tenantId(), assignee).map(StaffMember::id).orElse(-1L);
		}
		WorkOrders.ListPage result = orders.list(actor, status, grade, projectId, assigneeId, after, page, size);
		return new PageView(result.items(), page, size, result.total(), result.totalIsEstimate(), result.next());
	}

	@PostMapping({ "/{number}/dispatch", "/{number}/take", "/{number}/grab", "/{number}/decline", "/{number}/arrive",
			"/{number}/start", "/{number}/hold", "/{number}/resume", "/{number}/complete", "/{number}/accept",
			"/{number}/reopen", "/{number}/follow-up", "/{number}/cancel", "/{number}/regrade", "/{number}/reschedule",
			"/{number}/rescue", "/{number}/confirm-rework", "/{number}/dismiss-rework" })
	@Operation(summary = "A transition 状态流转: the last path segment names it",
			description = """
					dispatch 派工 (DISPATCHER, SUPERVISOR; technicianId) · take 接单 · decline 拒单 (reason) · \
					arrive 到场 · start 开始维修 · complete 完工 (resolution): the assigned technician · \
					grab 抢单 (a qualified TECHNICIAN; first come, one wins, others 409) · \
					hold 挂起 (reason) / resume 恢复: the assigned technician, SUPERVISOR · \
					accept 验收 (rating 1..5, comment) / reopen 返修 (reason; answers 201 with the new rework order): \
					the reporting owner, AGENT · follow-up 回访 (satisfied, note): AGENT · \
					cancel 取消 (reason): reporter, AGENT, DISPATCHER · regrade 调整等级 (grade, reason): AGENT, \
					DISPATCHER, SUPERVISOR · reschedule 改约 (appointment, reason; before arrival; for L4 the promised \
					arrival moves to the new window's end) · rescue 被困人员已解救 (note optional): the assigned \
					technician on site (ARRIVED or IN_PROGRESS) of an L1 ELEVATOR order, once; it records rescuedAt \
					and a history line without changing the status; on any other order 422 not-an-entrapment, a \
					second time 409. reopen also after acceptance, within the repair's warranty window (422 \
					warranty-expired after it; 409 when reopened once already). confirm-rework 确认返修 (note) / \
					dismiss-rework 不是返修 (reason): AGENT, DISPATCHER, SUPERVISOR, on an order flagged \
					probableRework (409 otherwise); a dismissal removes the reworkOf link. An action not allowed from the current status answers \
					409, by the wrong person 403; a version other than the current one 409.""")
	ResponseEntity<WorkOrderView> act(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body, HttpServletRequest request) {
		// the mapped pattern, not the raw URI, names the action
		String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
		OrderAction action = OrderAction.ofPath(pattern.substring(pattern.lastIndexOf('/') + 1))
			.orElseThrow(() -> new NotFound("Action", pattern));
		WorkOrderView changed = ActionRequest.orEmpty(body).command(action, number).applyTo(orders, actor);
		if (action == OrderAction.REOPEN) {
			return ResponseEntity.created(URI.create("/api/v1/work-orders/" + changed.number())).body(changed);
		}
		return ResponseEntity.ok(changed);
	}

	/**
	 * The optional body of a transition; each action reads the fields it needs.
	 *
	 * @param note free text for the history
	 * @param technicianId dispatch: the technician's id or username
	 * @param reason decline, hold, reopen, cancel, regrade, reschedule
	 * @param resolution complete: what was done
	 * @param rating accept: 1 to 5
	 * @param comment accept: the owner's words
	 * @param satisfied follow-up: whether the owner was satisfied
	 * @param grade regrade: the new grade
	 * @param version the version the caller read; a different current version answers 409
	 * @param appointment reschedule: the new window
	 */
	record ActionRequest(@Size(max = 500) String note, @Size(max = 50) String technicianId,
			@Size(max = 500) String reason, @Size(max = 2000) String resolution, Integer rating,
			@Size(max = 500) String comment, Boolean satisfied, Grade grade, Integer version,
			@Valid Appointment appointment) {

		static ActionRequest orEmpty(ActionRequest body) {
			return body != null ? body : new ActionRequest(null, null, null, null, null, null, null, null, null, null);
		}

		/** The command of {@code action}, with the fields it reads. */
		OrderCommand command(OrderAction action, String number) {
			return switch (action) {
				case DISPATCH -> new OrderCommand.Dispatch(number, version, technicianId, note);
				case TAKE -> new OrderCommand.Take(number, version, note);
				case GRAB -> new OrderCommand.Grab(number, version);
				case DECLINE -> new OrderCommand.Decline(number, version, reason);
				case ARRIVE -> new OrderCommand.Arrive(number, version, note);
				case START -> new OrderCommand.Start(number, version, note);
				case HOLD -> new OrderCommand.Hold(number, version, reason);
				case RESUME -> new OrderCommand.Resume(number, version, note != null ? note : reason);
				case COMPLETE -> new OrderCommand.Complete(number, version, resolution);
				case ACCEPT -> new OrderCommand.Accept(number, version, rating, comment);
				case REOPEN -> new OrderCommand.Reopen(number, version, reason);
				case FOLLOW_UP -> new OrderCommand.FollowUp(number, version, satisfied, note);
				case CANCEL -> new OrderCommand.Cancel(number, version, reason);
				case REGRADE -> new OrderCommand.Regrade(number, version, grade, reason);
				case RESCHEDULE -> new OrderCommand.Reschedule(number, version, appointment, reason);
				case RESCUE -> new OrderCommand.Rescue(number, version, note);
				case CONFIRM_REWORK -> new OrderCommand.ConfirmRework(number, version, note);
				case DISMISS_REWORK -> new OrderCommand.DismissRework(number, version, reason);
			};
		}

	}

	/**
	 * A page of the list.
	 *
	 * @param totalIsEstimate whether {@code total} is the database's estimate (above
	 * 10,000 matches)
	 * @param next pass as {@code after} for the page after this one; {@code null} on the
	 * last page
	 */
	record PageView(List<WorkOrderView> items, int page, int size, long total, boolean totalIsEstimate, String next) {
	}

}
