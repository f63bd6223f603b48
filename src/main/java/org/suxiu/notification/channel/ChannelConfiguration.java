package org.suxiu.notification.channel;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.suxiu.notification.MessageChannel;
import org.suxiu.notification.SmsGateway;
import org.suxiu.shared.RunMode;
import org.suxiu.wechat.WechatMessages;

/**
 * Picks the SMS provider, offers e-mail when an SMTP server is configured and WeChat when
 * the Official Account is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class ChannelConfiguration {

	@Bean
	@ConditionalOnProperty(name = "suxiu.notification.sms.provider", havingValue = "aliyun")
	SmsGateway aliyunSmsGateway(SmsProperties properties,
			@Value("${suxiu.notification.signature:【速修物业】}") String signature, JsonMapper json, Clock clock) {
		return new AliyunSmsGateway(properties.aliyun(), signature, json, clock);
	}

	@Bean
	@ConditionalOnProperty(name = "suxiu.notification.sms.provider", havingValue = "log", matchIfMissing = true)
	SmsGateway recordingSmsGateway(RunMode runMode) {
		return new RecordingSmsGateway(runMode.embedded());
	}

	@Bean
	MessageChannel smsChannel(SmsGateway gateway) {
		return new SmsChannel(gateway);
	}

	/** WeChat template messages, once the Official Account is configured. */
	@Bean
	@ConditionalOnProperty(prefix = "suxiu.wechat.mp", name = { "app-id", "secret" })
	MessageChannel wechatChannel(WechatMessages wechat) {
		return new WechatChannel(wechat);
	}

	@Bean
	@ConditionalOnProperty(name = "spring.mail.host")
	MessageChannel emailChannel(JavaMailSender mail,
			@Value("${suxiu.notification.email.from:noreply@suxiu.local}") String from,
			@Value("${suxiu.notification.signature:【速修物业】}") String signature) {
		return new EmailChannel(mail, from, signature);
	}

}
