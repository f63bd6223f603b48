package org.suxiu.charge;

import java.time.Instant;

/**
 * A material fell to its low-stock mark (库存不足).
 *
 * @param tenantId property company
 * @param projectId project
 * @param itemCode the material
 * @param name its name
 * @param onHand units left
 * @param at when
 */
public record StockRunningLow(long tenantId, long projectId, String itemCode, String name, int onHand, Instant at) {
}
