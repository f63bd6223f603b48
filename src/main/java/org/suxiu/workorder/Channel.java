package org.suxiu.workorder;

/**
 * How a repair request reached the property company.
 */
public enum Channel {

	HOTLINE, APP, WECHAT, FRONT_DESK, IOT, INSPECTION

}
