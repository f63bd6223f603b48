package org.suxiu.shared;

/**
 * Urgency grade of a repair request: L1 emergency (紧急) to L4 planned or consultation
 * (计划/咨询).
 */
public enum Grade {

	L1, L2, L3, L4;

	public boolean isMoreUrgentThan(Grade other) {
		return ordinal() < other.ordinal();
	}

}
