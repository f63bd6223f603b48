package org.suxiu.workorder;

/**
 * A question the order asks before work goes on: another module may refuse to resume or
 * complete a job (the charge module while a quote waits for the owner's consent). Throws
 * a {@link org.suxiu.shared.DomainException} naming the reason when not.
 */
public interface OrderGate {

	void check(OrderFacts order, OrderAction action);

}
