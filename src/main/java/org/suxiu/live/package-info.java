/**
 * Live events (实时动态): {@code GET /api/v1/events} streams what happens to the orders a
 * signed-in person may follow as Server-Sent Events, across instances (PostgreSQL
 * LISTEN/NOTIFY) and with {@code Last-Event-ID} replay from a feed table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live events",
		allowedDependencies = { "shared", "sla", "workorder" })
package org.suxiu.live;
