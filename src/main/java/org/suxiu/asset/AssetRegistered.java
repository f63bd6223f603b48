package org.suxiu.asset;

import java.time.Instant;

/**
 * Equipment was added to the register.
 *
 * @param assetId asset id
 * @param tenantId property company
 * @param projectId project
 * @param type kind
 * @param name name
 * @param at when
 */
public record AssetRegistered(long assetId, long tenantId, long projectId, AssetType type, String name, Instant at) {
}
