package org.suxiu.charge;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.charge.internal.PriceCsv;
import org.suxiu.shared.Actor;
import org.suxiu.shared.NotFound;

/**
 * Charges over the API: price lists, quotes and consent, payments and receipts, the
 * materials store. Amounts are integer fen.
 */
@RestController
@Tag(name = "Charges 收费")
class ChargeController {

	private final PriceLists prices;

	private final Quotes quotes;

	private final Payments payments;

	private final Stock stock;

	ChargeController(PriceLists prices, Quotes quotes, Payments payments, Stock stock) {
		this.prices = prices;
		this.quotes = quotes;
		this.payments = payments;
		this.stock = stock;
	}

	@GetMapping("/api/v1/projects/{code}/price-list")
	@Operation(summary = "The project's price list and rules 价目表 (its staff)")
	PriceList priceList(Actor actor, @PathVariable String code) {
		return prices.read(actor, code);
	}

	@PutMapping(path = "/api/v1/projects/{code}/price-list", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace the price list and rules 更新价目表 (ADMIN, MANAGER; all items or none)")
	PriceList replace(Actor actor, @PathVariable String code, @RequestBody PriceList list) {
		return prices.replace(actor, code, list);
	}

	@PutMapping(path = "/api/v1/projects/{code}/price-list", consumes = "text/csv")
	@Operation(summary = "Replace the items from CSV 导入价目表 (header " + PriceCsv.HEADER + ")")
	PriceList importCsv(Actor actor, @PathVariable String code, @RequestBody String csv) {
		return prices.importCsv(actor, code, csv);
	}

	@GetMapping(path = "/api/v1/projects/{code}/price-list.csv", produces = "text/csv;charset=UTF-8")
	@Operation(summary = "The price list as CSV 导出价目表")
	ResponseEntity<String> exportCsv(Actor actor, @PathVariable String code) {
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"price-list-" + code + ".csv\"")
			.body(prices.csv(actor, code));
	}

	@PostMapping("/api/v1/work-orders/{number}/quote")
	@Operation(summary = "Quote on site 报价 (the assigned technician, SUPERVISOR)",
			description = "Paid lines put the job on hold for the owner's consent (WAITING_OWNER); a quote with "
					+ "nothing paid is approved at once. While a quote waits, another is refused (409).")
	ResponseEntity<Quote> propose(Actor actor, @PathVariable String number, @RequestBody QuoteRequest request) {
		Quote quote = quotes.propose(actor, number, request);
		return ResponseEntity.created(URI.create("/api/v1/work-orders/" + number + "/quote")).body(quote);
	}

	@GetMapping("/api/v1/work-orders/{number}/quote")
	@Operation(summary = "The order's latest quote 当前报价")
	Quote quote(Actor actor, @PathVariable String number) {
		return quotes.current(actor, number).orElseThrow(() -> new NotFound("Quote of order", number));
	}

	@GetMapping("/api/v1/work-orders/{number}/quotes")
	@Operation(summary = "Every quote of the order 全部报价")
	Map<String, List<Quote>> allQuotes(Actor actor, @PathVariable String number) {
		return Map.of("items", quotes.all(actor, number));
	}

	@PostMapping("/api/v1/work-orders/{number}/quote/approve")
	@Operation(summary = "Approve the quote 同意报价 (the reporting owner, or AGENT on a recorded call)")
	Quote approve(Actor actor, @PathVariable String number) {
		return quotes.approve(actor, number);
	}

	@PostMapping("/api/v1/work-orders/{number}/quote/refuse")
	@Operation(summary = "Refuse the quote with a reason 拒绝报价")
	Quote refuse(Actor actor, @PathVariable String number, @RequestBody(required = false) Reason body) {
		return quotes.refuse(actor, number, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/work-orders/{number}/payments")
	@Operation(summary = "Record a payment 收款 (AGENT, SUPERVISOR, MANAGER, ADMIN; never more than owed)")
	ResponseEntity<Payment> pay(Actor actor, @PathVariable String number, @RequestBody PaymentRequest body) {
		Payment payment = payments.record(actor, number, body.amountFen(), body.method(), body.reference());
		return ResponseEntity.created(URI.create("/api/v1/receipts/" + payment.id())).body(payment);
	}

	@GetMapping("/api/v1/work-orders/{number}/payments")
	@Operation(summary = "What the order owes and its payments 应收与收款")
	Map<String, Object> paymentsOf(Actor actor, @PathVariable String number) {
		Balance balance = payments.balance(actor, number);
		return Map.of("owedFen", balance.owedFen(), "paidFen", balance.paidFen(), "outstandingFen",
				balance.outstandingFen(), "items", payments.of(actor, number));
	}

	@GetMapping("/api/v1/receipts/{id}")
	@Operation(summary = "A receipt 收据")
	Payment receipt(Actor actor, @PathVariable long id) {
		return payments.receipt(actor, id);
	}

	@GetMapping("/api/v1/projects/{code}/unpaid")
	@Operation(summary = "Orders that still owe 未收款 (front desk)")
	Map<String, List<Balance>> unpaid(Actor actor, @PathVariable String code) {
		return Map.of("items", payments.unpaid(actor, code));
	}

	@GetMapping("/api/v1/projects/{code}/stock")
	@Operation(summary = "The materials store 库存")
	Map<String, List<StockLevel>> stock(Actor actor, @PathVariable String code) {
		return Map.of("items", stock.levels(actor, code));
	}

	@PostMapping("/api/v1/projects/{code}/stock/issues")
	@Operation(summary = "Issue material to an order 领料 (its technician, SUPERVISOR; 409 when not enough)")
	StockLevel issue(Actor actor, @PathVariable String code, @RequestBody StockMove move) {
		return stock.issue(actor, code, move.number(), move.itemCode(), move.quantity());
	}

	@PostMapping("/api/v1/projects/{code}/stock/returns")
	@Operation(summary = "Return unused material 退料 (never more than the order took)")
	StockLevel giveBack(Actor actor, @PathVariable String code, @RequestBody StockMove move) {
		return stock.giveBack(actor, code, move.number(), move.itemCode(), move.quantity());
	}

	@PostMapping("/api/v1/projects/{code}/stock/receipts")
	@Operation(summary = "Receive material into the store 入库 (SUPERVISOR, MANAGER, ADMIN)")
	StockLevel receive(Actor actor, @PathVariable String code, @RequestBody StockMove move) {
		return stock.receive(actor, code, move.itemCode(), move.quantity(), move.lowAt());
	}

	/** Why a quote is refused. */
	record Reason(String reason) {
	}

	/** A payment: amount in fen, method, the provider's reference if any. */
	record PaymentRequest(Long amountFen, PaymentMethod method, String reference) {
	}

	/** A stock move: order (issue, return), item, units, low-stock mark (receipt). */
	record StockMove(String number, String itemCode, Integer quantity, Integer lowAt) {
	}

}
