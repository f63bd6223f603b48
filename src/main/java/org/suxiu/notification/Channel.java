package org.suxiu.notification;

/**
 * How a message reaches its recipient.
 */
public enum Channel {

	SMS, EMAIL, APP, WECHAT

}
