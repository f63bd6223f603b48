package org.suxiu.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.dispatch.StaffImport;
import org.suxiu.property.AreaDetails;
import org.suxiu.property.HomeImport;
import org.suxiu.property.MasterData;
import org.suxiu.property.MasterData.NewProject;
import org.suxiu.property.ProjectSites;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.Location;
import org.suxiu.workorder.NewWorkOrder;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.Reporter;
import org.suxiu.workorder.WorkOrders;
import org.suxiu.workorder.WorkOrderView;

/**
 * The administrator's first-run path, step by step: the company's name, the first
 * project, the staff file, and a test order that is taken and cancelled at once, so that
 * the whole way from intake to the technician has been tried before the first real call.
 * Buildings, areas and homes are set up on the sites page and the import form.
 */
@Controller
@RequestMapping("/admin")
class AdminSetupPages {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** A landline no SMS goes to: the test order must not text anybody. */
	private static final String TEST_PHONE = "000-00000000";

	private final MasterData masterData;

	private final ProjectSites sites;

	private final StaffImport staffImport;

	private final HomeImport homeImport;

	private final WorkOrders orders;

	AdminSetupPages(MasterData masterData, ProjectSites sites, StaffImport staffImport, HomeImport homeImport,
			WorkOrders orders) {
		this.masterData = masterData;
		this.sites = sites;
		this.staffImport = staffImport;
		this.homeImport = homeImport;
		this.orders = orders;
	}

	@PostMapping("/setup/company")
	String company(Actor me, @RequestParam String name, RedirectAttributes redirect) {
		return step(redirect, "/admin", () -> {
			masterData.renameCompany(me, name);
			redirect.addFlashAttribute("noticeKey", "setup.company.saved");
			redirect.addFlashAttribute("noticeArg", name);
		});
	}

	@PostMapping("/setup/project")
	String project(Actor me, @RequestParam String code, @RequestParam String name,
			@RequestParam(defaultValue = "") String city, @RequestParam(defaultValue = "") String address,
			@RequestParam(defaultValue = "") String hotline, @RequestParam(defaultValue = "") String smsSignature,
			@RequestParam(defaultValue = "") String lat, @RequestParam(defaultValue = "") String lng,
			RedirectAttributes redirect) {
		return step(redirect, "/admin", () -> {
			masterData.create(me, new NewProject(code.strip(), name, address, city, number("lat", lat),
					number("lng", lng), hotline, smsSignature));
			redirect.addFlashAttribute("noticeKey", "setup.project.saved");
			redirect.addFlashAttribute("noticeArg", code.strip());
		});
	}

	@PostMapping("/setup/staff")
	String staff(Actor me, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		return step(redirect, "/admin", () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidInput("file", "choose a file 请选择文件");
			}
			try {
				StaffImport.Result result = staffImport.importFile(me, file.getOriginalFilename(),
						file.getInputStream());
				redirect.addFlashAttribute("noticeKey", "setup.staff.saved");
				redirect.addFlashAttribute("noticeArg", result.staff());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@PostMapping("/setup/test-order")
	String testOrder(Actor me, @RequestParam String project, RedirectAttributes redirect) {
		return step(redirect, "/admin", () -> {
			Location location = testSite(me, project);
			WorkOrderView order = orders
				.report(me,
						new NewWorkOrder(Channel.HOTLINE, new Reporter("试单 Test", TEST_PHONE), location, Category.OTHER,
								"试单：检查报修流程，请忽略 Test order, please ignore", Grade.L3, null, null),
						null)
				.order();
			orders.cancel(me, new OrderCommand.Cancel(order.number(), null, "试单，已自动取消 test order"));
			redirect.addFlashAttribute("noticeKey", "setup.test.done");
			redirect.addFlashAttribute("noticeArg", order.number());
		});
	}

	@GetMapping("/homes/template.xlsx")
	ResponseEntity<byte[]> homesTemplate(Actor me) {
		masterData.companyName(me);
		return download("homes.xlsx", homeImport.template());
	}

	@GetMapping("/staff/template.xlsx")
	ResponseEntity<byte[]> staffTemplate(Actor me) {
		masterData.companyName(me);
		return download("staff.xlsx", staffImport.template());
	}

	private Location testSite(Actor me, String project) {
		List<AreaDetails> areas = sites.areas(me, project);
		if (!areas.isEmpty()) {
			return new Location(project, null, null, null, areas.get(0).name());
		}
		throw new InvalidInput("project", "add a common area first 请先添加一个公共区域");
	}

	private static ResponseEntity<byte[]> download(String name, byte[] bytes) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(bytes);
	}

	private static String step(RedirectAttributes redirect, String back, Runnable action) {
		try {
			action.run();
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:" + back;
	}

	static Double number(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Double.parseDouble(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field, "a number in degrees, e.g. 31.2304 请填写以度为单位的数字");
		}
	}

}
