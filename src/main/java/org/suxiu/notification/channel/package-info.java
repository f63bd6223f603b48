/**
 * The channels and providers behind {@link org.suxiu.notification.MessageChannel}: SMS
 * through an {@link org.suxiu.notification.SmsGateway} (recorded and logged by default,
 * or Aliyun SMS), e-mail through SMTP, in-app messages over the live feed, and WeChat
 * template messages through the wechat module.
 */
package org.suxiu.notification.channel;
