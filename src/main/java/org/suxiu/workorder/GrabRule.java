package org.suxiu.workorder;

import org.suxiu.shared.Actor;

/**
 * Whether a technician may grab (抢单) an order from the pool: the dispatch module knows
 * which projects run a pool, for which grades, and who is qualified. Throws a
 * {@link org.suxiu.shared.DomainException} naming the reason when not.
 */
public interface GrabRule {

	void check(OrderFacts order, Actor technician);

}
