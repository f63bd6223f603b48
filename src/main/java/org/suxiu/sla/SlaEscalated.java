package org.suxiu.sla;

import java.time.Instant;
import java.util.List;

import org.suxiu.shared.Role;

/**
 * A breach went up the escalation ladder to a role (维修主管, 项目经理 …).
 *
 * @param number order number
 * @param tenantId property company
 * @param projectId project
 * @param clock the breached clock
 * @param role who was escalated to
 * @param recipients the usernames holding that role for the project
 * @param at when
 */
public record SlaEscalated(String number, long tenantId, long projectId, ClockName clock, Role role,
		List<String> recipients, Instant at) {
}
