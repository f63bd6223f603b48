package org.suxiu.asset.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Turns on the alarm settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AlarmProperties.class, MqttProperties.class })
class AssetConfiguration {

}
