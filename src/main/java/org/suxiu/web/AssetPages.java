package org.suxiu.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.asset.AssetCsvFormat;
import org.suxiu.asset.AssetStatus;
import org.suxiu.asset.AssetType;
import org.suxiu.asset.AssetView;
import org.suxiu.asset.Assets;
import org.suxiu.asset.NewAsset;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;

/**
 * The equipment register (设备台账) on the staff pages: the project's list with CSV import
 * and export and a form to register one, and each asset's page with its orders, downtime,
 * devices and alarms.
 */
@Controller
class AssetPages {

	private final Assets assets;

	private final PropertyDirectory property;

	private final String labelBase;

	AssetPages(Assets assets, PropertyDirectory property, SuxiuProperties suxiu) {
		this.assets = assets;
		this.property = property;
		this.labelBase = suxiu.siteUrl();
	}

	@GetMapping("/assets/{id:\\d+}/label.png")
	ResponseEntity<byte[]> label(Actor me, @PathVariable long id) {
		AssetView asset = assets.visible(me, id);
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.IMAGE_PNG)
			.body(org.suxiu.shared.QrLabels.png(labelBase + "/a/" + asset.id(), asset.name(), "SuXiu #" + asset.id()));
	}

	/** A printable sheet of the project's labels, one per asset. */
	@GetMapping("/assets/labels")
	String labels(Actor me, @RequestParam String project, Model model) {
		model.addAttribute("labels",
				assets.list(me, project, null)
					.stream()
					.map(a -> new Label("/assets/" + a.id() + "/label.png", a.name(), a.place()))
					.toList());
		return "assets/labels";
	}

	/** One label of a sheet. */
	record Label(String image, String name, String place) {
	}

	@GetMapping("/assets")
	String list(Actor me, @RequestParam(defaultValue = "") String project,
			@RequestParam(required = false) AssetType type, Model model) {
		List<Project> projects = me.tenantId() == null ? List.of()
				: property.projectsOf(me.tenantId()).stream().filter(p -> me.serves(p.tenantId(), p.id())).toList();
		if (projects.isEmpty()) {
			throw new InvalidInput("project", "no project");
		}
		String code = project.isBlank() ? projects.get(0).code() : project;
		model.addAttribute("projects", projects);
		model.addAttribute("project", code);
		model.addAttribute("type", type);
		model.addAttribute("types", AssetType.values());
		model.addAttribute("assets", assets.list(me, code, type));
		model.addAttribute("areas",
				projects.stream()
					.filter(p -> p.code().equals(code))
					.findFirst()
					.map(p -> property.commonAreas(p.id()))
					.orElse(List.of()));
		model.addAttribute("keeps", keeps(me));
		model.addAttribute("csvHeader", AssetCsvFormat.HEADER);
		return "assets/list";
	}

	@PostMapping("/assets")
	String register(Actor me, @RequestParam String project, @RequestParam String name, @RequestParam String place,
			@RequestParam AssetType type, @RequestParam(defaultValue = "") String maker,
			@RequestParam(defaultValue = "") String model, @RequestParam(defaultValue = "") String serial,
			@RequestParam(defaultValue = "") String installedOn,
			@RequestParam(defaultValue = "") String registrationCode,
			@RequestParam(defaultValue = "") String contractor, @RequestParam(defaultValue = "") String contractEnds) {
		AssetView asset = assets.register(me,
				new NewAsset(project, place, type, name, maker, model, serial, date("installedOn", installedOn),
						registrationCode, contractor, date("contractEnds", contractEnds), AssetStatus.IN_SERVICE));
		return "redirect:/assets/" + asset.id();
	}

	@GetMapping("/assets/{id:\\d+}")
	String asset(Actor me, @PathVariable long id, Model model) {
		model.addAttribute("d", assets.details(me, id));
		model.addAttribute("keeps", keeps(me));
		model.addAttribute("registersDevices", me.is(Role.ADMIN) || me.is(Role.MANAGER));
		model.addAttribute("statuses", AssetStatus.values());
		model.addAttribute("orderPage", Pages.orderPageOf(me, ""));
		return "assets/asset";
	}

	@PostMapping("/assets/{id:\\d+}/status")
	String status(Actor me, @PathVariable long id, @RequestParam AssetStatus status, @RequestParam int version) {
		assets.changeStatus(me, id, status, version);
		return "redirect:/assets/" + id;
	}

	/**
	 * Registers a device and shows its key on the answer itself: a redirect would keep
	 * the key in the session store until the next page.
	 */
	@PostMapping("/assets/{id:\\d+}/devices")
	String device(Actor me, @PathVariable long id, @RequestParam String name, Model model) {
		model.addAttribute("issued", assets.registerDevice(me, id, name));
		return asset(me, id, model);
	}

	@GetMapping("/assets/{code}.csv")
	ResponseEntity<String> csv(Actor me, @PathVariable String code) {
		return ResponseEntity.ok()
			.header("Content-Type", "text/csv;charset=UTF-8")
			.header("Content-Disposition", "attachment; filename=\"assets-" + code + ".csv\"")
			.body(assets.csv(me, code));
	}

	@PostMapping("/assets/import")
	String importCsv(Actor me, @RequestParam String project, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInput("file", "请选择 CSV 文件 choose a CSV file");
		}
		Assets.ImportResult result = assets.importCsv(me, project, new String(file.getBytes(), StandardCharsets.UTF_8));
		redirect.addFlashAttribute("noticeKey", "assets.imported");
		redirect.addFlashAttribute("noticeArg", result.added() + " / " + result.updated());
		return "redirect:/assets?project=" + project;
	}

	private static boolean keeps(Actor me) {
		return Arrays.asList(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR).contains(me.role());
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInput(field, "日期格式为 yyyy-MM-dd · a date as yyyy-MM-dd");
		}
	}

}
