package org.suxiu.workorder;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Grade;
import org.suxiu.shared.SuxiuProperties;

/**
 * The work-order API of the public contract: intake, reading, listing and every
 * transition.
 */
@RestController
@Validated
@RequestMapping("/api/v1/work-orders")
@Tag(name = "Work orders 报修单")
class WorkOrderController {

	private final Intake intake;

	private final WorkOrders orders;

	private final PropertyDirectory directory;

	private final SuxiuProperties properties;

	private final Clock clock;

	WorkOrderController(Intake intake, WorkOrders orders, PropertyDirectory directory, SuxiuProperties properties,
			Clock clock) {
		this.clock = clock;
		this.intake = intake;
		this.orders = orders;
		this.directory = directory;
		this.properties = properties;
	}

	@PostMapping
	@Operation(summary = "Report a fault 报修",
			description = "Owners report for their own homes through APP or WECHAT; staff enter HOTLINE and FRONT_DESK calls. "
					+ "The same Idempotency-Key and body within 24 h return the original order.")
	ResponseEntity<WorkOrderView> create(Actor actor, @Valid @RequestBody NewWorkOrder request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Intake.Created created = intake.create(actor, request, idempotencyKey);
		WorkOrder order = created.order();
		WorkOrderView view = WorkOrderView.of(order, created.history(), actor, properties.zone(), clock.instant());
		return ResponseEntity.status(created.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/work-orders/" + order.number))
			.body(view);
	}

	@GetMapping("/{number}")
	@Operation(summary = "One order with its whole history 报修单详情")
	WorkOrderView get(Actor actor, @PathVariable String number) {
		WorkOrders.Detail detail = orders.detail(actor, number);
		return WorkOrderView.of(detail.order(), detail.history(), actor, properties.zone(), clock.instant());
	}

	@GetMapping
	@Operation(summary = "Orders the caller may see, newest first 报修单列表",
			description = "Owners see their own orders, technicians their own jobs, other staff their projects'.")
	PageView list(Actor actor, @RequestParam(required = false) List<Status> status,
			@RequestParam(required = false) Grade grade, @RequestParam(required = false) String projectCode,
			@RequestParam(required = false) String assignee, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Long projectId = null;
		if (projectCode != null) {
			projectId = directory.project(projectCode).map(Project::id).orElse(-1L);
		}
		Long assigneeId = null;
		if (assignee != null) {
			assigneeId = actor.tenantId() == null ? -1L
					: directory.staff(actor.tenantId(), assignee).map(StaffMember::id).orElse(-1L);
		}
		WorkOrderFilter filter = new WorkOrderFilter(actor, status == null ? List.of() : status, grade, projectId,
				assigneeId);
		WorkOrderRepository.Page result = orders.list(filter, page, size);
		Instant now = clock.instant();
		List<WorkOrderView> items = result.items()
			.stream()
			.map(o -> WorkOrderView.of(o, null, actor, properties.zone(), now))
			.toList();
		return new PageView(items, page, size, result.total());
	}

	@PostMapping("/{number}/dispatch")
	@Operation(summary = "Send to a technician 派工 (DISPATCHER, SUPERVISOR)")
	WorkOrderView dispatch(Actor actor, @PathVariable String number, @Valid @RequestBody ActionRequest body) {
		return view(orders.dispatch(actor, number, body.version(), body.technicianId(), body.note()), actor);
	}

	@PostMapping("/{number}/take")
	@Operation(summary = "Take the job 接单 (assigned technician)")
	WorkOrderView take(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.take(actor, number, b.version(), b.note()), actor);
	}

	@PostMapping("/{number}/grab")
	@Operation(summary = "Grab an order from the pool 抢单 (qualified TECHNICIAN; first come, one wins, others 409)")
	WorkOrderView grab(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.grab(actor, number, b.version()), actor);
	}

	@PostMapping("/{number}/decline")
	@Operation(summary = "Hand the job back with a reason 拒单 (assigned technician)")
	WorkOrderView decline(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.decline(actor, number, b.version(), b.reason()), actor);
	}

	@PostMapping("/{number}/arrive")
	@Operation(summary = "On site 到场 (assigned technician)")
	WorkOrderView arrive(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.arrive(actor, number, b.version(), b.note()), actor);
	}

	@PostMapping("/{number}/start")
	@Operation(summary = "Start the repair 开始维修 (assigned technician)")
	WorkOrderView start(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.start(actor, number, b.version(), b.note()), actor);
	}

	@PostMapping("/{number}/hold")
	@Operation(summary = "Pause with a reason 挂起 (assigned technician, SUPERVISOR)")
	WorkOrderView hold(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.hold(actor, number, b.version(), b.reason()), actor);
	}

	@PostMapping("/{number}/resume")
	@Operation(summary = "Go on with paused work 恢复 (assigned technician, SUPERVISOR)")
	WorkOrderView resume(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.resume(actor, number, b.version(), b.note() != null ? b.note() : b.reason()), actor);
	}

	@PostMapping("/{number}/complete")
	@Operation(summary = "Finish with a resolution 完工 (assigned technician)")
	WorkOrderView complete(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.complete(actor, number, b.version(), b.resolution()), actor);
	}

	@PostMapping("/{number}/accept")
	@Operation(summary = "Accept the work with a rating 验收 (reporting owner, AGENT)")
	WorkOrderView accept(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.accept(actor, number, b.version(), b.rating(), b.comment()), actor);
	}

	@PostMapping("/{number}/reopen")
	@Operation(summary = "Not fixed: open a linked rework order 返修 (reporting owner, AGENT)",
			description = "Closes this order and answers 201 with the new rework order.")
	ResponseEntity<WorkOrderView> reopen(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		WorkOrder rework = orders.reopen(actor, number, b.version(), b.reason());
		return ResponseEntity.created(URI.create("/api/v1/work-orders/" + rework.number)).body(view(rework, actor));
	}

	@PostMapping("/{number}/follow-up")
	@Operation(summary = "Record the follow-up call and close 回访 (AGENT)")
	WorkOrderView followUp(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.followUp(actor, number, b.version(), b.satisfied(), b.note()), actor);
	}

	@PostMapping("/{number}/cancel")
	@Operation(summary = "Withdraw before work begins 取消 (reporter, AGENT, DISPATCHER)")
	WorkOrderView cancel(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.cancel(actor, number, b.version(), b.reason()), actor);
	}

	@PostMapping("/{number}/regrade")
	@Operation(summary = "Change the grade with a reason 调整等级 (AGENT, DISPATCHER, SUPERVISOR)")
	WorkOrderView regrade(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.regrade(actor, number, b.version(), b.grade(), b.reason()), actor);
	}

	@PostMapping("/{number}/reschedule")
	@Operation(
			summary = "Agree a new visit window with a reason 改约 (assigned technician, AGENT, DISPATCHER, SUPERVISOR)",
			description = "Before arrival. For L4 the promised arrival moves to the new window's end.")
	WorkOrderView reschedule(Actor actor, @PathVariable String number,
			@Valid @RequestBody(required = false) ActionRequest body) {
		ActionRequest b = ActionRequest.orEmpty(body);
		return view(orders.reschedule(actor, number, b.version(), b.appointment(), b.reason()), actor);
	}

	private WorkOrderView view(WorkOrder order, Actor actor) {
		return WorkOrderView.of(order, orders.history(order), actor, properties.zone(), clock.instant());
	}

	/**
	 * The optional body of a transition; each action reads the fields it needs.
	 *
	 * @param note free text for the history
	 * @param technicianId dispatch: the technician's id or username
	 * @param reason decline, hold, reopen, cancel, regrade
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

	}

	record PageView(List<WorkOrderView> items, int page, int size, long total) {
	}

}
