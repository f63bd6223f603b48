/**
 * Service-level promises (R3, R12, G1): per-project policies, a working calendar that
 * knows Chinese public holidays and make-up days, deadlines on every order, and warnings,
 * breaches and escalation fired exactly once from timers kept as database rows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA",
		allowedDependencies = { "property", "shared", "workorder" })
package org.suxiu.sla;
