/**
 * Charges (收费): each project's price list of materials and labour with its paid-or-free
 * rules, quotes the owner consents to before paid work goes on, the materials store, and
 * payments with receipts. Amounts are integer fen (分). It reads orders through the
 * {@code WorkOrders} facade, holds and resumes them through it, and answers the order's
 * {@link org.suxiu.workorder.OrderGate} while a quote waits for the owner.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Charges",
		allowedDependencies = { "property", "shared", "workorder" })
package org.suxiu.charge;
