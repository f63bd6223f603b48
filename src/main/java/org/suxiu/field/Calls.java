package org.suxiu.field;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Role;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrders;

/**
 * The masked call between an order's owner and its technician (联系师傅 / 联系业主): a middle
 * number from the {@link VirtualNumbers} provider while the job is open, so that neither
 * sees the other's real number.
 */
@Service
public class Calls {

	private final WorkOrders orders;

	private final VirtualNumbers numbers;

	private final Duration ttl;

	private final boolean record;

	Calls(WorkOrders orders, VirtualNumbers numbers, @Value("${suxiu.calls.ttl:PT30M}") Duration ttl,
			@Value("${suxiu.calls.record:true}") boolean record) {
		this.orders = orders;
		this.numbers = numbers;
		this.ttl = ttl;
		this.record = record;
	}

	/**
	 * A number for the reporting owner to call the assigned technician, or the technician
	 * to call the owner, while the job is dispatched and not completed.
	 * @throws org.suxiu.workorder.WorkOrderNotFound (404) for an order the person may not
	 * see
	 * @throws VirtualNumbers.Unavailable when the provider cannot bind now
	 */
	@Transactional(readOnly = true)
	public VirtualNumbers.Binding connect(Actor actor, String number) {
		orders.read(actor, number);
		OrderFacts order = orders.facts(number).orElseThrow();
		boolean owner = actor.is(Role.OWNER) && order.reporterOwnerId() != null
				&& order.reporterOwnerId() == actor.id();
		boolean technician = actor.is(Role.TECHNICIAN) && order.assigneeId() != null
				&& order.assigneeId() == actor.id();
		if (!owner && !technician) {
			throw new Forbidden("Masked calls are between the reporting owner and the assigned technician");
		}
		if (order.assignee() == null || order.status() == Status.NEW || order.status() == Status.COMPLETED
				|| !order.status().isOpen()) {
			throw new BusinessRuleViolation("no-call-now",
					"Calls connect while a technician works on the order " + "师傅接单后、完工前可以通话");
		}
		String a = owner ? order.reporterPhone() : order.assigneePhone();
		String b = owner ? order.assigneePhone() : order.reporterPhone();
		return numbers.bind(a, b, number, ttl, record);
	}

}
