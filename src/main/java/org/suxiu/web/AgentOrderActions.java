package org.suxiu.web;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Grade;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.Appointment;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.WorkOrders;

/**
 * What the agent does to an order on a caller's word: change its grade with a reason,
 * cancel it with a reason, agree a new visit window, accept the work on the owner's
 * behalf. Each goes through the order's facade with the version the page showed, so a
 * change made meanwhile is refused (409) and the page says to reload.
 */
@Controller
@RequestMapping("/agent/orders/{number}")
class AgentOrderActions {

	private final WorkOrders orders;

	private final ZoneId zone;

	AgentOrderActions(WorkOrders orders, SuxiuProperties properties) {
		this.orders = orders;
		this.zone = properties.zone();
	}

	@PostMapping("/regrade")
	String regrade(Actor me, @PathVariable String number, @RequestParam(required = false) Grade grade,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		orders.regrade(me, new OrderCommand.Regrade(number, version, grade, text(reason)));
		return done(redirect, "agent.regraded", number);
	}

	@PostMapping("/cancel")
	String cancel(Actor me, @PathVariable String number, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		orders.cancel(me, new OrderCommand.Cancel(number, version, text(reason)));
		return done(redirect, "agent.cancelled", number);
	}

	/** The new window, as the agent picks it in the project's time zone. */
	@PostMapping("/reschedule")
	String reschedule(Actor me, @PathVariable String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		Appointment window = from == null || to == null ? null
				: new Appointment(from.atZone(zone).toOffsetDateTime(), to.atZone(zone).toOffsetDateTime());
		orders.reschedule(me, new OrderCommand.Reschedule(number, version, window, text(reason)));
		return done(redirect, "agent.rescheduled", number);
	}

	/** The owner accepts over the phone; the agent records it on their behalf. */
	@PostMapping("/accept")
	String accept(Actor me, @PathVariable String number, @RequestParam(required = false) Integer rating,
			@RequestParam(defaultValue = "") String comment, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		orders.accept(me, new OrderCommand.Accept(number, version, rating, text(comment)));
		return done(redirect, "agent.accepted", number);
	}

	private static String done(RedirectAttributes redirect, String key, String number) {
		redirect.addFlashAttribute("noticeKey", key);
		redirect.addFlashAttribute("noticeArg", number);
		return "redirect:/agent/orders/" + number;
	}

	private static String text(String value) {
		return value.isBlank() ? null : value.strip();
	}

}
