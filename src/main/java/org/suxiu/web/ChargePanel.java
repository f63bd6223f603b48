package org.suxiu.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.suxiu.charge.ItemKind;
import org.suxiu.charge.Payments;
import org.suxiu.charge.PriceItem;
import org.suxiu.charge.PriceLists;
import org.suxiu.charge.QuoteRequest;
import org.suxiu.charge.Quotes;
import org.suxiu.charge.Stock;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;
import org.suxiu.workorder.WorkOrderView;

/**
 * The charges part of an order page: the latest quote, what was paid, and for the
 * technician the price list and the materials taken.
 */
@Component
class ChargePanel {

	private final Quotes quotes;

	private final Payments payments;

	private final PriceLists prices;

	private final Stock stock;

	ChargePanel(Quotes quotes, Payments payments, PriceLists prices, Stock stock) {
		this.quotes = quotes;
		this.payments = payments;
		this.prices = prices;
		this.stock = stock;
	}

	void fill(Actor me, WorkOrderView order, Model model) {
		String number = order.number();
		model.addAttribute("quote", quotes.current(me, number).orElse(null));
		model.addAttribute("balance", payments.balance(me, number));
		model.addAttribute("receipts", payments.of(me, number));
		if (me.is(Role.TECHNICIAN) || me.is(Role.SUPERVISOR)) {
			List<PriceItem> items = prices.current(me, order.location().projectCode());
			model.addAttribute("project", order.location().projectCode());
			model.addAttribute("priceItems", items);
			model.addAttribute("materials", items.stream().filter(i -> i.kind() == ItemKind.MATERIAL).toList());
			java.util.Map<String, PriceItem> byCode = new java.util.HashMap<>();
			prices.current(me, order.location().projectCode()).forEach(i -> byCode.put(i.code(), i));
			model.addAttribute("issued", stock.issued(me, number).entrySet().stream().map(e -> {
				PriceItem item = byCode.get(e.getKey());
				return (item == null ? e.getKey() : item.name()) + " ×" + e.getValue()
						+ (item == null ? "" : " " + item.unit());
			}).toList());
		}
	}

	/**
	 * The quote form's rows: an item and a whole number each; rows left empty are
	 * skipped.
	 */
	static QuoteRequest request(List<String> items, List<String> quantities, String note) {
		List<QuoteRequest.Line> lines = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String item = items.get(i);
			String quantity = i < quantities.size() ? quantities.get(i).trim() : "";
			if (item == null || item.isBlank()) {
				continue;
			}
			lines.add(new QuoteRequest.Line(item, wholeNumber("quantity", quantity)));
		}
		return new QuoteRequest(lines, note);
	}

	static Integer wholeNumber(String field, String text) {
		if (text == null || !text.trim().matches("-?\\d{1,6}")) {
			throw new InvalidInput(field, "请填写整数 a whole number");
		}
		return Integer.valueOf(text.trim());
	}

	/** Yuan as typed ({@code 12.5}, {@code 12.50}, {@code 12}) to exact fen. */
	static long fen(String yuan) {
		try {
			BigDecimal amount = new BigDecimal(yuan == null ? "" : yuan.trim().replace("¥", ""));
			if (amount.scale() > 2 || amount.signum() <= 0) {
				throw new InvalidInput("amount", "金额须为正数，最多两位小数 a positive amount, at most two decimals");
			}
			return amount.movePointRight(2).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new InvalidInput("amount", "金额须为正数，最多两位小数 a positive amount, at most two decimals");
		}
	}

}
