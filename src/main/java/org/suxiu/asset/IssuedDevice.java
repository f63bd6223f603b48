package org.suxiu.asset;

/**
 * A device registered on an asset, with the key it sends as {@code X-Device-Key}: shown
 * this once, only its hash is stored.
 *
 * @param deviceId the public id in {@code /api/v1/devices/{deviceId}/alarms}
 * @param deviceKey the secret key
 * @param assetId the equipment it watches
 * @param name its name
 */
public record IssuedDevice(String deviceId, String deviceKey, long assetId, String name) {
}
