package org.suxiu.sla;

/**
 * What a timer does when it falls due.
 */
enum TimerKind {

	/** A share of a clock's limit has passed. */
	WARNING,

	/** The clock's deadline has passed. */
	BREACH,

	/** A rung of the escalation ladder after a breach. */
	ESCALATION,

	/** An L1 is still NEW after the project's limit. */
	AUTO_DISPATCH

}
