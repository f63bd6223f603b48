package org.suxiu.asset.internal;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * An alarm from an unknown device, with a wrong key, a bad signature, an old timestamp or
 * a replayed signature (401); nothing was recorded. The detail does not say which.
 */
class DeviceRefused extends DomainException {

	DeviceRefused() {
		super("device-refused", HttpStatus.UNAUTHORIZED, "Device refused",
				"unknown device, wrong key or bad signature 设备未通过认证");
	}

}
