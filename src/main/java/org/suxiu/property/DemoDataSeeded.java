package org.suxiu.property;

import java.util.List;

/**
 * The demo tenants were just seeded (first start of the embedded run); other modules add
 * their own demo data in the same transaction.
 *
 * @param tenantIds the tenants created
 */
public record DemoDataSeeded(List<Long> tenantIds) {
}
