package org.suxiu.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.suxiu.charge.PaymentMethod;
import org.suxiu.charge.Payments;
import org.suxiu.charge.PriceLists;
import org.suxiu.charge.Quotes;
import org.suxiu.charge.Stock;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;

/**
 * The charge steps on the role pages: the technician quotes and takes materials, the
 * owner answers the quote (signed in, or by the one-time link), the front desk records
 * payments and prints receipts, the administrator keeps the price list.
 */
@Controller
class ChargePages {

	private final Quotes quotes;

	private final Stock stock;

	private final Payments payments;

	private final PriceLists prices;

	private final PropertyDirectory property;

	ChargePages(Quotes quotes, Stock stock, Payments payments, PriceLists prices, PropertyDirectory property) {
		this.quotes = quotes;
		this.stock = stock;
		this.payments = payments;
		this.prices = prices;
		this.property = property;
	}

	// the technician

	@PostMapping("/tech/jobs/{number}/quote")
	String quote(Actor me, @PathVariable String number, @RequestParam(name = "item") List<String> items,
			@RequestParam(name = "qty") List<String> quantities, @RequestParam(defaultValue = "") String note) {
		quotes.propose(me, number, ChargePanel.request(items, quantities, note.isBlank() ? null : note));
		return "redirect:/tech/jobs/" + number;
	}

	@PostMapping("/tech/jobs/{number}/{move:issue|return}")
	String material(Actor me, @PathVariable String number, @PathVariable String move, @RequestParam String project,
			@RequestParam String item, @RequestParam String qty) {
		Integer quantity = ChargePanel.wholeNumber("quantity", qty);
		if (move.equals("issue")) {
			stock.issue(me, project, number, item, quantity);
		}
		else {
			stock.giveBack(me, project, number, item, quantity);
		}
		return "redirect:/tech/jobs/" + number;
	}

	// the owner

	@PostMapping("/owner/orders/{number}/quote/approve")
	String approve(Actor me, @PathVariable String number, RedirectAttributes redirect) {
		quotes.approve(me, number);
		redirect.addFlashAttribute("noticeKey", "quote.approved");
		return "redirect:/owner/orders/" + number;
	}

	@PostMapping("/owner/orders/{number}/quote/refuse")
	String refuse(Actor me, @PathVariable String number, @RequestParam(defaultValue = "") String reason) {
		quotes.refuse(me, number, reason);
		return "redirect:/owner/orders/" + number;
	}

	/** The owner agreed on a recorded call: the agent answers for them. */
	@PostMapping("/agent/orders/{number}/quote/approve")
	String approveOnCall(Actor me, @PathVariable String number) {
		quotes.approve(me, number);
		return "redirect:/agent/orders/" + number;
	}

	@GetMapping("/owner/receipts/{id}")
	String ownerReceipt(Actor me, @PathVariable long id, Model model) {
		model.addAttribute("r", payments.receipt(me, id));
		return "charge/receipt";
	}

	/** The one-time link from the quote SMS: no sign-in, the code is the proof. */
	@GetMapping("/consent/{code}")
	String consent(@PathVariable String code, Model model) {
		model.addAttribute("opened", quotes.byCode(code));
		model.addAttribute("code", code);
		return "charge/consent";
	}

	@PostMapping("/consent/{code}/approve")
	String consentApprove(@PathVariable String code, Model model) {
		model.addAttribute("answered", quotes.approveByCode(code));
		return "charge/consent";
	}

	@PostMapping("/consent/{code}/refuse")
	String consentRefuse(@PathVariable String code, @RequestParam(defaultValue = "") String reason, Model model) {
		model.addAttribute("answered", quotes.refuseByCode(code, reason));
		return "charge/consent";
	}

	// the front desk

	@GetMapping("/desk")
	String desk(Actor me, @RequestParam(required = false) String project, Model model) {
		List<Project> projects = me.tenantId() == null ? List.of()
				: property.projectsOf(me.tenantId()).stream().filter(p -> me.serves(p.tenantId(), p.id())).toList();
		if (projects.isEmpty()) {
			throw new InvalidInput("project", "no project");
		}
		String code = project != null ? project : projects.get(0).code();
		model.addAttribute("projects", projects);
		model.addAttribute("project", code);
		model.addAttribute("unpaid", payments.unpaid(me, code));
		model.addAttribute("stock", stock.levels(me, code));
		model.addAttribute("methods", PaymentMethod.values());
		return "charge/desk";
	}

	@PostMapping("/desk/payments")
	String pay(Actor me, @RequestParam String number, @RequestParam String amount, @RequestParam PaymentMethod method,
			@RequestParam(defaultValue = "") String reference) {
		long id = payments.record(me, number, ChargePanel.fen(amount), method, reference).id();
		return "redirect:/desk/receipts/" + id;
	}

	@GetMapping("/desk/receipts/{id}")
	String deskReceipt(Actor me, @PathVariable long id, Model model) {
		model.addAttribute("r", payments.receipt(me, id));
		return "charge/receipt";
	}

	// the administrator

	@GetMapping("/admin/prices")
	String priceList(Actor me, @RequestParam(defaultValue = "") String project, Model model) {
		List<Project> projects = property.projectsOf(me.tenantId());
		String code = project.isBlank() && !projects.isEmpty() ? projects.get(0).code() : project;
		model.addAttribute("projects", projects);
		model.addAttribute("project", code);
		model.addAttribute("list", prices.read(me, code));
		return "charge/prices";
	}

	@GetMapping("/admin/prices/{code}.csv")
	ResponseEntity<String> priceCsv(Actor me, @PathVariable String code) {
		return ResponseEntity.ok()
			.header("Content-Type", "text/csv;charset=UTF-8")
			.header("Content-Disposition", "attachment; filename=\"price-list-" + code + ".csv\"")
			.body(prices.csv(me, code));
	}

	@PostMapping("/admin/prices/{code}")
	String importPrices(Actor me, @PathVariable String code, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInput("file", "请选择 CSV 文件 choose a CSV file");
		}
		prices.importCsv(me, code, new String(file.getBytes(), StandardCharsets.UTF_8));
		redirect.addFlashAttribute("noticeKey", "prices.imported");
		return "redirect:/admin/prices?project=" + code;
	}

}
