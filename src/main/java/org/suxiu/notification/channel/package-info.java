/**
 * The channels and providers behind {@link org.suxiu.notification.MessageChannel}: SMS
 * through an {@link org.suxiu.notification.SmsGateway} (recorded and logged by default,
 * or Aliyun SMS), and e-mail through SMTP.
 */
package org.suxiu.notification.channel;
