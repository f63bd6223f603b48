package org.suxiu.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suxiu.shared.Actor;
import org.suxiu.shared.DomainException;
import org.suxiu.workorder.WorkOrders;
import org.suxiu.workorder.WorkOrderView;

/**
 * The header's order search for every staff role: an order number opens the order; a
 * phone number, a room such as {@code 2-1-502} or any words find the recent orders that
 * match, newest first.
 */
@Controller
class OrderSearch {

	/** How many of the newest visible orders the words are looked for in. */
	static final int RECENT = 500;

	private final WorkOrders orders;

	OrderSearch(WorkOrders orders) {
		this.orders = orders;
	}

	/**
	 * One order found, with where this person reads it.
	 *
	 * @param order the order
	 * @param link its page for this role, or {@code null}
	 */
	record Found(WorkOrderView order, String link) {
	}

	@GetMapping("/search")
	String search(Actor me, @RequestParam(defaultValue = "") String q, Model model) {
		String query = q.strip();
		model.addAttribute("searchQuery", query);
		List<Found> found = new ArrayList<>();
		if (!query.isEmpty()) {
			WorkOrderView exact = byNumber(me, query);
			if (exact != null) {
				String link = Pages.orderPageOf(me, exact.number());
				if (link != null) {
					return "redirect:" + link;
				}
				found.add(new Found(exact, null));
			}
			else {
				for (WorkOrderView order : orders.list(me, null, null, null, null, 0, RECENT).items()) {
					if (matches(order, query)) {
						found.add(new Found(order, Pages.orderPageOf(me, order.number())));
					}
				}
			}
		}
		model.addAttribute("found", found);
		return "search";
	}

	private WorkOrderView byNumber(Actor me, String query) {
		if (!query.toUpperCase(Locale.ROOT).matches("BX\\d{14}")) {
			return null;
		}
		try {
			return orders.read(me, query.toUpperCase(Locale.ROOT));
		}
		catch (DomainException ex) {
			return null;
		}
	}

	static boolean matches(WorkOrderView order, String query) {
		String q = query.toLowerCase(Locale.ROOT);
		return contains(order.number(), q) || contains(order.reporter() == null ? null : order.reporter().phone(), q)
				|| contains(order.reporter() == null ? null : order.reporter().name(), q)
				|| contains(order.location() == null ? null : order.location().label(), q) || contains(room(order), q)
				|| contains(order.description(), q);
	}

	private static String room(WorkOrderView order) {
		if (order.location() == null || order.location().room() == null) {
			return null;
		}
		return order.location().building() + "-" + order.location().unit() + "-" + order.location().room();
	}

	private static boolean contains(String text, String q) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(q);
	}

}
