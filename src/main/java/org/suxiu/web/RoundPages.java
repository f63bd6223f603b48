package org.suxiu.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.inspection.CheckedIn;
import org.suxiu.inspection.Checkin;
import org.suxiu.inspection.CheckinPhotos;
import org.suxiu.inspection.Inspections;
import org.suxiu.inspection.ItemKind;
import org.suxiu.inspection.NewRound;
import org.suxiu.inspection.RoundDetails;
import org.suxiu.inspection.RouteView.CheckpointView;
import org.suxiu.inspection.RouteView.ItemView;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;

/**
 * Inspection rounds (巡检) on the pages: a technician's or guard's rounds on the phone, one
 * form per checkpoint (reached from its QR label), the supervisor's view of every round
 * with missed ones flagged and a form to plan one, and the printable round sheet.
 */
@Controller
class RoundPages {

	private final Inspections inspections;

	private final PropertyDirectory property;

	private final SuxiuProperties properties;

	private final String labelBase;

	RoundPages(Inspections inspections, PropertyDirectory property, SuxiuProperties properties) {
		this.inspections = inspections;
		this.property = property;
		this.properties = properties;
		this.labelBase = properties.siteUrl();
	}

	@GetMapping("/checkpoints/{id:\\d+}/label.png")
	org.springframework.http.ResponseEntity<byte[]> label(Actor me, @PathVariable long id) {
		CheckpointView point = inspections.checkpoint(me, id);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.IMAGE_PNG)
			.body(org.suxiu.shared.QrLabels.png(labelBase + "/checkpoints/" + point.id(), point.name(),
					"SuXiu checkpoint #" + point.id()));
	}

	/** A printable sheet of a route's checkpoint labels. */
	@GetMapping("/rounds/routes/{id:\\d+}/labels")
	String labels(Actor me, @PathVariable long id, Model model) {
		model.addAttribute("labels",
				inspections.route(me, id)
					.checkpoints()
					.stream()
					.map(cp -> new AssetPages.Label("/checkpoints/" + cp.id() + "/label.png", cp.name(), cp.place()))
					.toList());
		return "assets/labels";
	}

	@GetMapping("/rounds")
	String rounds(Actor me, @RequestParam(defaultValue = "") String project, Model model) {
		boolean plans = Arrays.asList(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR).contains(me.role());
		model.addAttribute("plans", plans);
		if (me.is(Role.TECHNICIAN)) {
			model.addAttribute("rounds", inspections.rounds(me, null));
			return "rounds/list";
		}
		List<Project> projects = me.tenantId() == null ? List.of()
				: property.projectsOf(me.tenantId()).stream().filter(p -> me.serves(p.tenantId(), p.id())).toList();
		if (projects.isEmpty()) {
			throw new InvalidInput("project", "no project");
		}
		String code = project.isBlank() ? projects.get(0).code() : project;
		model.addAttribute("projects", projects);
		model.addAttribute("project", code);
		model.addAttribute("rounds", inspections.rounds(me, code));
		model.addAttribute("routes", inspections.routes(me, code));
		model.addAttribute("technicians", me.tenantId() == null ? List.of()
				: property.staffOf(me.tenantId(), Role.TECHNICIAN).stream().filter(s -> s.active()).toList());
		return "rounds/list";
	}

	@PostMapping("/rounds")
	String plan(Actor me, @RequestParam long route, @RequestParam String assignee, @RequestParam String dueFrom,
			@RequestParam String dueBy) {
		long id = inspections
			.planRound(me,
					new NewRound(route, assignee, time("dueFrom", dueFrom).atZone(properties.zone()).toOffsetDateTime(),
							time("dueBy", dueBy).atZone(properties.zone()).toOffsetDateTime()))
			.id();
		return "redirect:/rounds/" + id;
	}

	@GetMapping("/rounds/{id:\\d+}")
	String round(Actor me, @PathVariable long id, Model model) {
		RoundDetails details = inspections.round(me, id);
		model.addAttribute("d", details);
		model.addAttribute("walks", me.is(Role.TECHNICIAN) && details.round().assigneeId() == me.id()
				&& details.round().finishedAt() == null);
		model.addAttribute("orderPage", Pages.orderPageOf(me, ""));
		return "rounds/round";
	}

	@GetMapping("/rounds/{id:\\d+}/photos/{photo}")
	ResponseEntity<InputStreamResource> photo(Actor me, @PathVariable long id, @PathVariable UUID photo) {
		return CheckinPhotos.send(inspections.photo(me, id, photo, false));
	}

	@GetMapping("/rounds/{id:\\d+}/photos/{photo}/thumbnail")
	ResponseEntity<InputStreamResource> thumbnail(Actor me, @PathVariable long id, @PathVariable UUID photo) {
		return CheckinPhotos.send(inspections.photo(me, id, photo, true));
	}

	@GetMapping("/rounds/{id:\\d+}/sheet")
	String sheet(Actor me, @PathVariable long id, Model model) {
		model.addAttribute("d", inspections.round(me, id));
		return "rounds/sheet";
	}

	@GetMapping("/rounds/{id:\\d+}/points/{checkpoint:\\d+}")
	String point(Actor me, @PathVariable long id, @PathVariable long checkpoint, Model model) {
		RoundDetails details = inspections.round(me, id);
		model.addAttribute("d", details);
		model.addAttribute("point", point(details, checkpoint));
		return "rounds/point";
	}

	@PostMapping("/rounds/{id:\\d+}/points/{checkpoint:\\d+}")
	String checkIn(Actor me, @PathVariable long id, @PathVariable long checkpoint,
			@RequestParam Map<String, String> form,
			@RequestParam(name = "photo", required = false) List<MultipartFile> photos, RedirectAttributes redirect) {
		CheckpointView point = point(inspections.round(me, id), checkpoint);
		List<Checkin.Result> results = new ArrayList<>();
		for (ItemView item : point.items()) {
			String note = form.getOrDefault("note-" + item.id(), "");
			if (item.kind() == ItemKind.READING) {
				results.add(new Checkin.Result(item.id(), null, number(form.get("value-" + item.id())), note));
			}
			else {
				String answer = form.get("pass-" + item.id());
				results.add(new Checkin.Result(item.id(), answer == null ? null : answer.equals("pass"), null, note));
			}
		}
		CheckedIn done = inspections.checkIn(me, id,
				new Checkin(checkpoint, coordinate(form.get("lat")), coordinate(form.get("lng")), results),
				CheckinPhotos.of(photos));
		if (done.orders().isEmpty()) {
			redirect.addFlashAttribute("noticeKey", "rounds.checked");
			redirect.addFlashAttribute("noticeArg", point.name());
		}
		else {
			redirect.addFlashAttribute("noticeKey", "rounds.checked.orders");
			redirect.addFlashAttribute("noticeArg", String.join("、", done.orders()));
		}
		return "redirect:/rounds/" + id;
	}

	/** The QR label's page: straight to the check-in form while a round waits there. */
	@GetMapping("/checkpoints/{id:\\d+}")
	String checkpoint(Actor me, @PathVariable long id, Model model) {
		CheckpointView point = inspections.checkpoint(me, id);
		var round = inspections.openRoundAt(me, id);
		if (round.isPresent()) {
			return "redirect:/rounds/" + round.get() + "/points/" + id;
		}
		model.addAttribute("point", point);
		return "rounds/checkpoint";
	}

	private static CheckpointView point(RoundDetails details, long checkpoint) {
		return details.route()
			.checkpoints()
			.stream()
			.filter(cp -> cp.id() == checkpoint)
			.findFirst()
			.orElseThrow(() -> new InvalidInput("checkpointId", "not a checkpoint of this round 不是本路线的检查点"));
	}

	private static BigDecimal number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("value", "读数应为数字 a reading is a number");
		}
	}

	private static Double coordinate(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static LocalDateTime time(String field, String value) {
		try {
			return LocalDateTime.parse(value.strip());
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new InvalidInput(field, "日期时间 a date and time");
		}
	}

}
