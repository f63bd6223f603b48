package org.suxiu.notification.channel;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code suxiu.notification.sms}.
 *
 * @param provider {@code log} (default: record and log, send nothing) or {@code aliyun}
 * @param aliyun the Aliyun SMS account, when {@code provider=aliyun}
 */
@ConfigurationProperties("suxiu.notification.sms")
record SmsProperties(String provider, Aliyun aliyun) {

	SmsProperties {
		provider = provider == null ? "log" : provider;
		aliyun = aliyun == null ? new Aliyun(null, null, null, null, null, null, null, null, null) : aliyun;
	}

	/**
	 * Aliyun SMS (dysmsapi, {@code SendSms} of version 2017-05-25, signature version
	 * 1.0). The credentials come only from configuration, e.g.
	 * {@code SUXIU_NOTIFICATION_SMS_ALIYUN_ACCESS_KEY_SECRET}.
	 *
	 * @param endpoint default {@code https://dysmsapi.aliyuncs.com/}
	 * @param accessKeyId the RAM user's AccessKey id
	 * @param accessKeySecret its secret
	 * @param signName the registered signature, default the company signature without its
	 * brackets
	 * @param regionId default {@code cn-hangzhou}
	 * @param templateCodes the registered template per message kind, e.g.
	 * {@code TECH_NEW_JOB: SMS_123456789}; {@code <KIND>_EN} for the English one
	 * @param defaultTemplateCode a registered template with one variable
	 * {@code ${content}}, used for kinds without their own
	 * @param connectTimeout default 5 s
	 * @param readTimeout default 10 s; must stay well below the delivery lease
	 */
	record Aliyun(URI endpoint, String accessKeyId, String accessKeySecret, String signName, String regionId,
			Map<String, String> templateCodes, String defaultTemplateCode, Duration connectTimeout,
			Duration readTimeout) {

		Aliyun {
			endpoint = endpoint == null ? URI.create("https://dysmsapi.aliyuncs.com/") : endpoint;
			regionId = regionId == null ? "cn-hangzhou" : regionId;
			templateCodes = templateCodes == null ? Map.of() : Map.copyOf(templateCodes);
			connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
			readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
		}

	}

}
