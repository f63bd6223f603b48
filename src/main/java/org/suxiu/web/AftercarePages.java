package org.suxiu.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.aftercare.FollowUpOutcome;
import org.suxiu.aftercare.FollowUps;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.WorkOrders;

/**
 * The aftercare steps on the agent's pages: a follow-up call's outcome from the console,
 * and the judgement of a probable rework on the order page.
 */
@Controller
class AftercarePages {

	private final FollowUps followUps;

	private final WorkOrders orders;

	AftercarePages(FollowUps followUps, WorkOrders orders) {
		this.followUps = followUps;
		this.orders = orders;
	}

	/**
	 * One call: satisfied or not (an unsatisfied owner's words are the reason), or the
	 * owner not reached.
	 */
	@PostMapping("/agent/follow-ups/{number}")
	String call(Actor me, @PathVariable String number, @RequestParam(required = false) Boolean satisfied,
			@RequestParam(required = false) String outcome, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String note, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		FollowUpOutcome result;
		if ("NOT_REACHED".equals(outcome)) {
			result = FollowUpOutcome.NOT_REACHED;
		}
		else if (satisfied == null) {
			throw new InvalidInput("satisfied", "满意还是不满意 satisfied or not");
		}
		else {
			result = satisfied ? FollowUpOutcome.SATISFIED : FollowUpOutcome.UNSATISFIED;
		}
		String why = reason.isBlank() && result == FollowUpOutcome.UNSATISFIED ? note : reason;
		var recorded = followUps.record(me, number,
				new FollowUps.Call(result, blankToNull(why), blankToNull(note), version));
		redirect.addFlashAttribute("noticeKey",
				recorded.status().name().equals("DUE") ? "followup.tried" : "followup.recorded");
		redirect.addFlashAttribute("noticeArg", number);
		return "redirect:/agent";
	}

	@PostMapping("/agent/orders/{number}/rework/{judgement:confirm|dismiss}")
	String judge(Actor me, @PathVariable String number, @PathVariable String judgement,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		OrderCommand command = judgement.equals("confirm")
				? new OrderCommand.ConfirmRework(number, version, blankToNull(reason))
				: new OrderCommand.DismissRework(number, version, blankToNull(reason));
		command.applyTo(orders, me);
		redirect.addFlashAttribute("noticeKey", "rework." + judgement + "ed");
		redirect.addFlashAttribute("noticeArg", number);
		return "redirect:/agent/orders/" + number;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
