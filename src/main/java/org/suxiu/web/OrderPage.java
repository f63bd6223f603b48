package org.suxiu.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.suxiu.attachment.Attachments;
import org.suxiu.complaint.Complaints;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.WorkOrders;
import org.suxiu.workorder.WorkOrderView;

/**
 * What every role's order page shows: the order, its timeline, what is due next, its
 * photos, its charges and its complaints.
 */
@Component
class OrderPage {

	private final WorkOrders orders;

	private final Attachments attachments;

	private final SuxiuProperties properties;

	private final Clock clock;

	private final Words words;

	private final ChargePanel charges;

	private final Complaints complaints;

	OrderPage(WorkOrders orders, Attachments attachments, SuxiuProperties properties, Clock clock, Words words,
			ChargePanel charges, Complaints complaints) {
		this.complaints = complaints;
		this.words = words;
		this.charges = charges;
		this.orders = orders;
		this.attachments = attachments;
		this.properties = properties;
		this.clock = clock;
	}

	WorkOrderView fill(Actor me, String number, Model model) {
		WorkOrderView order = orders.read(me, number);
		model.addAttribute("o", order);
		model.addAttribute("due", Due.of(order, clock.instant()));
		model.addAttribute("timeline",
				Timeline.of(order, properties.zone(), me.role() == Role.OWNER ? words.promise(order) : null, words));
		model.addAttribute("files", attachments.of(me, number));
		charges.fill(me, order, model);
		model.addAttribute("complaints", complaints.ofOrder(me, number));
		return order;
	}

	/**
	 * The live part of an order page: the fragment, or 204 (nothing to swap, so typed
	 * text survives) while the order is still at the version the page shows.
	 */
	String live(Actor me, String number, Integer version, Model model, HttpServletResponse response, String fragment) {
		WorkOrderView order = fill(me, number, model);
		if (version != null && version == order.version()) {
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return null;
		}
		return fragment;
	}

}
