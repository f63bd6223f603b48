/**
 * The work order (报修单): intake from every channel, the state machine from NEW to CLOSED
 * with its append-only history, and the public API. Its face is small: the
 * {@link org.suxiu.workorder.WorkOrders} facade (one method per transition, each with its
 * own command), the events, one read record ({@link org.suxiu.workorder.OrderFacts}) and
 * the {@link org.suxiu.workorder.OrderClocks} question it asks the SLA engine; the
 * aggregate, its storage, intake and the REST controller live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work orders",
		allowedDependencies = { "property", "shared", "triage" })
package org.suxiu.workorder;
