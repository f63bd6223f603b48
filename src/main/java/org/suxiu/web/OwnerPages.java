package org.suxiu.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.attachment.Attachments;
import org.suxiu.dispatch.Eta;
import org.suxiu.dispatch.TechnicianPositions;
import org.suxiu.field.Calls;
import org.suxiu.field.Hurries;
import org.suxiu.attachment.Purpose;
import org.suxiu.attachment.Upload;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.Site;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.Appointment;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.Location;
import org.suxiu.workorder.NewWorkOrder;
import org.suxiu.workorder.WorkOrders;
import org.suxiu.workorder.WorkOrderView;

/**
 * The owner's pages (phone-first): report a fault with photos and a video, my orders, an
 * order's live timeline, and accept, reopen or cancel.
 */
@Controller
@RequestMapping("/owner")
class OwnerPages {

	private final WorkOrders orders;

	private final Attachments attachments;

	private final PropertyDirectory property;

	private final OrderPage orderPage;

	private final TechnicianPositions positions;

	private final Hurries hurries;

	private final SuxiuProperties properties;

	private final Calls calls;

	OwnerPages(WorkOrders orders, Attachments attachments, PropertyDirectory property, OrderPage orderPage,
			TechnicianPositions positions, Hurries hurries, SuxiuProperties properties, Calls calls) {
		this.calls = calls;
		this.properties = properties;
		this.positions = positions;
		this.hurries = hurries;
		this.orders = orders;
		this.attachments = attachments;
		this.property = property;
		this.orderPage = orderPage;
	}

	@GetMapping
	String myOrders(Actor me, Model model) {
		model.addAttribute("orders", orders.list(me, List.of(), null, null, null, 0, 50).items());
		return "owner/orders";
	}

	/** The report form; an equipment label's QR code fills in the place and the type. */
	@GetMapping("/report")
	String reportForm(Actor me, @RequestParam(required = false) String place,
			@RequestParam(required = false) Category category, Model model) {
		formModel(me, model, category, null, null);
		if (place != null) {
			model.addAttribute("place", place);
		}
		return "owner/report";
	}

	@PostMapping("/report")
	String report(Actor me, @RequestParam(defaultValue = "home") String place,
			@RequestParam(required = false) Category category, @RequestParam(defaultValue = "") String description,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@RequestParam(name = "video", required = false) MultipartFile video, Model model,
			HttpServletResponse response) {
		try {
			List<Upload> uploads = new ArrayList<>();
			for (MultipartFile file : Files.present(photos)) {
				uploads.add(attachments.check(file.getOriginalFilename(), Files.bytes(file)));
			}
			if (uploads.size() > Attachments.MAX_REPORT_PHOTOS) {
				throw new org.suxiu.shared.InvalidInput("photos", "at most 9 photos 最多9张照片");
			}
			for (MultipartFile file : Files.present(video == null ? List.of() : List.of(video))) {
				uploads.add(attachments.check(file.getOriginalFilename(), Files.bytes(file)));
			}
			WorkOrderView order = orders
				.report(me,
						new NewWorkOrder(Channel.APP, null, location(me, place), category, description, null, null,
								null),
						null)
				.order();
			if (!uploads.isEmpty()) {
				attachments.attach(me, order.number(), Purpose.REPORT, uploads);
			}
			return "redirect:/owner/orders/" + order.number() + "?created";
		}
		catch (DomainException ex) {
			response.setStatus(ex.status().value());
			formModel(me, model, category, description, ex.getMessage());
			model.addAttribute("place", place);
			return "owner/report";
		}
	}

	@GetMapping("/orders/{number}")
	String order(Actor me, @PathVariable String number, Model model) {
		orderPage.fill(me, number, model);
		eta(me, number, model);
		model.addAttribute("nextHurry", toPage(hurries.nextHurryAt(number)));
		return "owner/order";
	}

	/** 联系师傅: dials the technician through a middle number, never their own. */
	@GetMapping("/orders/{number}/call")
	String call(Actor me, @PathVariable String number) {
		return "redirect:tel:" + calls.connect(me, number).number();
	}

	/** 催单: hurries the order; within the quiet period the page says when again. */
	@PostMapping("/orders/{number}/hurry")
	String hurry(Actor me, @PathVariable String number, RedirectAttributes redirect) {
		hurries.hurry(me, number, null);
		redirect.addFlashAttribute("noticeKey", "owner.hurried");
		return "redirect:/owner/orders/" + number;
	}

	/**
	 * 改约: the owner moves a planned (L4) visit to another window on another day, within
	 * the rules the order keeps.
	 */
	@PostMapping("/orders/{number}/reschedule")
	String reschedule(Actor me, @PathVariable String number, @RequestParam java.time.LocalDate day,
			@RequestParam java.time.LocalTime from, @RequestParam java.time.LocalTime to, RedirectAttributes redirect) {
		java.time.ZoneId zone = properties.zone();
		Appointment window = new Appointment(day.atTime(from).atZone(zone).toOffsetDateTime(),
				day.atTime(to).atZone(zone).toOffsetDateTime());
		orders.reschedule(me, new OrderCommand.Reschedule(number, null, window, "业主改约 moved by the owner"));
		redirect.addFlashAttribute("noticeKey", "owner.rescheduled");
		return "redirect:/owner/orders/" + number;
	}

	private static java.time.OffsetDateTime toPage(java.time.Instant at) {
		return at == null ? null : at.atOffset(java.time.ZoneOffset.UTC);
	}

	/**
	 * The technician on the way and how long until they are here, from their last
	 * position; refreshed whenever a new position arrives.
	 */
	@GetMapping("/orders/{number}/eta")
	String eta(Actor me, @PathVariable String number, Model model) {
		model.addAttribute("o", orders.read(me, number));
		Eta eta = orders.facts(number).flatMap(positions::eta).orElse(null);
		model.addAttribute("eta", eta);
		model.addAttribute("etaAt", eta == null ? null : eta.positionAt().atOffset(java.time.ZoneOffset.UTC));
		return "owner/order :: eta";
	}

	/** The live part: answers 204 (nothing to swap) while the order is unchanged. */
	@GetMapping("/orders/{number}/live")
	String live(Actor me, @PathVariable String number, @RequestParam(required = false) Integer version, Model model,
			HttpServletResponse response) {
		return orderPage.live(me, number, version, model, response, "owner/order :: live");
	}

	@PostMapping("/orders/{number}/accept")
	String accept(Actor me, @PathVariable String number, @RequestParam(required = false) Integer rating,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		orders.accept(me, new OrderCommand.Accept(number, null, rating, blankToNull(comment)));
		redirect.addFlashAttribute("noticeKey", "owner.accepted");
		redirect.addFlashAttribute("noticeArg", number);
		return "redirect:/owner/orders/" + number;
	}

	@PostMapping("/orders/{number}/reopen")
	String reopen(Actor me, @PathVariable String number, @RequestParam String reason) {
		WorkOrderView rework = orders.reopen(me, new OrderCommand.Reopen(number, null, reason));
		return "redirect:/owner/orders/" + rework.number();
	}

	@PostMapping("/orders/{number}/cancel")
	String cancel(Actor me, @PathVariable String number, @RequestParam String reason) {
		orders.cancel(me, new OrderCommand.Cancel(number, null, reason));
		return "redirect:/owner/orders/" + number;
	}

	private void formModel(Actor me, Model model, Category category, String description, String error) {
		List<Site> homes = property.homesOf(me.id());
		model.addAttribute("homes", homes);
		model.addAttribute("areas", homes.isEmpty() ? List.of() : property.commonAreas(homes.get(0).project().id()));
		model.addAttribute("categories", Category.values());
		model.addAttribute("category", category);
		model.addAttribute("description", description);
		model.addAttribute("error", error);
		model.addAttribute("maxPhotos", Attachments.MAX_REPORT_PHOTOS);
	}

	/**
	 * {@code home:<index>} for one of the owner's homes, {@code area:<name>} for a common
	 * area.
	 */
	private Location location(Actor me, String place) {
		List<Site> homes = property.homesOf(me.id());
		if (place.startsWith("area:") && !homes.isEmpty()) {
			return new Location(homes.get(0).project().code(), null, null, null, place.substring(5));
		}
		int index = place.startsWith("home:") ? parse(place.substring(5)) : 0;
		Optional<Site> home = index >= 0 && index < homes.size() ? Optional.of(homes.get(index)) : Optional.empty();
		return home.map(h -> new Location(h.project().code(), h.building(), h.unit(), h.room(), null)).orElse(null);
	}

	private static int parse(String index) {
		try {
			return Integer.parseInt(index);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
