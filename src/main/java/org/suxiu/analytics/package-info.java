/**
 * Analytics (统计分析, R13): KPIs per project, period, grade, category, channel and
 * technician, from roll-up tables of its own that the order, SLA, charge and complaint
 * events keep (and a recount through the work-order module's face fills on the first
 * start); the orders behind any figure. It reads no other module's tables, and nobody
 * depends on it but the pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
		allowedDependencies = { "charge", "complaint", "dispatch", "property", "shared", "sla", "workorder" })
package org.suxiu.analytics;
