/**
 * Grading (分级): turns an order's category and Chinese description into L1..L4 by editable
 * keyword rules that understand negation, per tenant.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triage", allowedDependencies = { "shared" })
package org.suxiu.triage;
