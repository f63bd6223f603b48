package org.suxiu.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.attachment.Attachments;
import org.suxiu.attachment.Purpose;
import org.suxiu.attachment.Upload;
import org.suxiu.dispatch.TechnicianDuty;
import org.suxiu.field.Checklists;
import org.suxiu.field.FieldActions;
import org.suxiu.field.QueuedAction;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.Appointment;
import org.suxiu.workorder.IllegalTransition;
import org.suxiu.workorder.OrderAction;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrders;
import org.suxiu.workorder.WorkOrderView;

/**
 * The technician's phone (R7): my jobs by deadline; take or decline; arrive, free the
 * people trapped in a lift, start, hold, resume, complete with before and after photos
 * and a confirmation that leads to the next job; call the owner; "I will be late"; the
 * on-duty switch and, when idle, the grab pool's offers.
 */
@Controller
@RequestMapping("/tech")
class TechnicianPages {

	static final List<Status> OPEN_JOBS = List.of(Status.DISPATCHED, Status.TAKEN, Status.ARRIVED, Status.IN_PROGRESS,
			Status.ON_HOLD);

	private final WorkOrders orders;

	private final Attachments attachments;

	private final OrderPage orderPage;

	private final SuxiuProperties properties;

	private final Clock clock;

	private final TechnicianDuty duty;

	private final FieldActions field;

	private final Checklists checklists;

	private final PropertyDirectory property;

	TechnicianPages(WorkOrders orders, Attachments attachments, OrderPage orderPage, SuxiuProperties properties,
			Clock clock, TechnicianDuty duty, FieldActions field, Checklists checklists, PropertyDirectory property) {
		this.field = field;
		this.checklists = checklists;
		this.property = property;
		this.orders = orders;
		this.attachments = attachments;
		this.orderPage = orderPage;
		this.properties = properties;
		this.clock = clock;
		this.duty = duty;
	}

	/** The technician's pages are an installable app (PWA) with a service worker. */
	@ModelAttribute("pwa")
	boolean pwa() {
		return true;
	}

	@GetMapping
	String myJobs(Actor me, Model model) {
		jobs(me, model);
		model.addAttribute("duty", duty.duty(me));
		return "tech/jobs";
	}

	/** The on-duty switch: 在岗 takes new work, 休息 hands back what is not started. */
	@PostMapping("/duty")
	String duty(Actor me, @RequestParam boolean on, RedirectAttributes redirect) {
		duty.switchDuty(me, on);
		redirect.addFlashAttribute("noticeKey", on ? "tech.duty.nowOn" : "tech.duty.nowOff");
		return "redirect:/tech";
	}

	/** Orders the technician may grab, with one button each. */
	@GetMapping("/pool")
	String pool(Actor me, Model model) {
		model.addAttribute("duty", duty.duty(me));
		model.addAttribute("offers", duty.offers(me));
		return "tech/pool";
	}

	/**
	 * Grabs an offer; if someone else was quicker, the pool again with 409 and the reason
	 * in plain words.
	 */
	@PostMapping("/pool/{number}/grab")
	String grab(Actor me, @PathVariable String number, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			orders.grab(me, new OrderCommand.Grab(number, null));
		}
		catch (IllegalTransition | ConcurrentChange | BusinessRuleViolation taken) {
			boolean gone = !(taken instanceof BusinessRuleViolation);
			response.setStatus(gone ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errorKey", gone ? "tech.pool.taken" : "tech.pool.refused");
			return pool(me, model);
		}
		redirect.addFlashAttribute("noticeKey", "tech.pool.grabbed");
		return back(number);
	}

	/** After 完工: what was recorded, and the way to the next job. */
	@GetMapping("/jobs/{number}/done")
	String done(Actor me, @PathVariable String number, Model model) {
		WorkOrderView order = orderPage.fill(me, number, model);
		List<Due> next = Due.byTimeLeft(orders.list(me, OPEN_JOBS, null, null, me.id(), 0, 100).items(),
				clock.instant());
		model.addAttribute("next", next.isEmpty() ? null : next.get(0).order());
		model.addAttribute("offers", next.isEmpty() ? duty.offers(me).size() : 0);
		model.addAttribute("done", !OPEN_JOBS.contains(order.status()));
		return "tech/done";
	}

	@GetMapping("/jobs")
	String jobList(Actor me, Model model) {
		jobs(me, model);
		return "tech/jobs :: list";
	}

	@GetMapping("/jobs/{number}")
	String job(Actor me, @PathVariable String number, Model model) {
		fieldTool(orderPage.fill(me, number, model), model);
		model.addAttribute("duty", duty.duty(me));
		return "tech/job";
	}

	/** The job's checklist and where its site is, for the navigation links. */
	private void fieldTool(WorkOrderView order, Model model) {
		model.addAttribute("checklist", checklists.of(order));
		model.addAttribute("site",
				orders.facts(order.number())
					.flatMap(f -> property.position(f.projectId(), f.building(), f.area()))
					.orElse(null));
	}

	@GetMapping("/jobs/{number}/live")
	String live(Actor me, @PathVariable String number, @RequestParam(required = false) Integer version, Model model,
			HttpServletResponse response) {
		String fragment = orderPage.live(me, number, version, model, response, "tech/job :: live");
		if (fragment != null) {
			fieldTool((WorkOrderView) model.getAttribute("o"), model);
		}
		return fragment;
	}

	@GetMapping("/jobs/{number}/call")
	String call(Actor me, @PathVariable String number) {
		return "redirect:tel:" + orders.reporterPhoneForCall(me, number);
	}

	@PostMapping("/jobs/{number}/{action:take|arrive|start|resume|rescue}")
	String step(Actor me, @PathVariable String number, @PathVariable String action) {
		OrderCommand.bare(OrderAction.valueOf(action.toUpperCase(java.util.Locale.ROOT)), number).applyTo(orders, me);
		return back(number);
	}

	@PostMapping("/jobs/{number}/decline")
	String decline(Actor me, @PathVariable String number, @RequestParam String reason) {
		orders.decline(me, new OrderCommand.Decline(number, null, reason));
		return "redirect:/tech";
	}

	@PostMapping("/jobs/{number}/hold")
	String hold(Actor me, @PathVariable String number, @RequestParam String why,
			@RequestParam(defaultValue = "") String detail) {
		String reason = why + (detail.isBlank() ? "" : ": " + detail.trim());
		orders.hold(me, new OrderCommand.Hold(number, null, reason));
		return back(number);
	}

	@PostMapping("/jobs/{number}/photos")
	String photos(Actor me, @PathVariable String number,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos) {
		List<Upload> uploads = checked(me, number, Purpose.BEFORE, photos);
		if (uploads.isEmpty()) {
			throw new InvalidInput("photos", "choose at least one photo 请选择照片");
		}
		attachments.attach(me, number, Purpose.BEFORE, uploads);
		return back(number);
	}

	@PostMapping("/jobs/{number}/complete")
	String complete(Actor me, @PathVariable String number, @RequestParam(defaultValue = "") String resolution,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@RequestParam(name = "checklist", required = false) List<String> checklist,
			@RequestParam(defaultValue = "") String signature) {
		List<Upload> uploads = checked(me, number, Purpose.AFTER, photos);
		byte[] signed;
		try {
			signed = QueuedAction.image(signature);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("signature", "is not an image 签名无法读取");
		}
		field.complete(me, number, null, resolution, checklist == null ? List.of() : checklist, signed);
		if (!uploads.isEmpty()) {
			attachments.attach(me, number, Purpose.AFTER, uploads);
		}
		return "redirect:/tech/jobs/" + number + "/done";
	}

	/** "I will be late": the new arrival time, today (or tomorrow if already past). */
	@PostMapping("/jobs/{number}/late")
	String late(Actor me, @PathVariable String number, @RequestParam LocalTime arriveBy,
			@RequestParam(defaultValue = "") String reason) {
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.zone()));
		ZonedDateTime at = LocalDate.from(now).atTime(arriveBy).atZone(properties.zone());
		if (!at.isAfter(now)) {
			at = at.plusDays(1);
		}
		Appointment window = new Appointment(OffsetDateTime.from(now), OffsetDateTime.from(at));
		String why = reason.isBlank() ? "维修工将晚到 running late" : reason;
		orders.reschedule(me, new OrderCommand.Reschedule(number, null, window, why));
		return back(number);
	}

	private void jobs(Actor me, Model model) {
		List<WorkOrderView> mine = orders.list(me, OPEN_JOBS, null, null, me.id(), 0, 100).items();
		model.addAttribute("jobs", Due.byTimeLeft(mine, clock.instant()));
		// idle: what the pool offers, so nobody waits while an order waits
		model.addAttribute("offers", mine.isEmpty() ? duty.offers(me) : List.of());
	}

	/** Decodes the photos only once the technician may attach them to this job. */
	private List<Upload> checked(Actor me, String number, Purpose purpose, List<MultipartFile> photos) {
		List<Upload> uploads = new ArrayList<>();
		if (Files.present(photos).isEmpty()) {
			return uploads;
		}
		attachments.checkMayAttach(me, number, purpose);
		for (MultipartFile file : Files.present(photos)) {
			uploads.add(attachments.check(file.getOriginalFilename(), Files.bytes(file)));
		}
		return uploads;
	}

	private static String back(String number) {
		return "redirect:/tech/jobs/" + number;
	}

}
