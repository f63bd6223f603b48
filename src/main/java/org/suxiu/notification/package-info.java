/**
 * Notifications (R6): turns order and SLA events into messages for technicians, owners,
 * supervisors and administrators, records each as a row in the transaction that handles
 * the event, and delivers it by SMS, e-mail, in-app or WeChat with retries until it is
 * sent, once. Nobody depends on this module; it listens to everything.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
		allowedDependencies = { "analytics", "charge", "complaint", "dispatch", "identity", "incident", "live",
				"property", "shared", "sla", "wechat", "workorder" })
package org.suxiu.notification;
