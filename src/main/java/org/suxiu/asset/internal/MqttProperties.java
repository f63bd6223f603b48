package org.suxiu.asset.internal;

import java.time.Duration;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The optional MQTT intake of device alarms ({@code suxiu.alarms.mqtt}), off unless
 * {@code enabled}.
 *
 * @param enabled subscribe to the broker at all
 * @param url the broker, e.g. {@code tcp://mqtt.example.com:1883} or {@code ssl://…:8883}
 * @param topic the topic filter; its one {@code +} level is the device id
 * @param clientId this instance's client id; each instance needs its own (a random one
 * when left out)
 * @param username the broker account, from the environment, never from the repository
 * @param password its password, likewise
 * @param qos 0 or 1 (2 is not needed: repeats are counted on the open alarm anyway)
 * @param retryEvery how long to wait before connecting again while the broker is down
 */
@ConfigurationProperties("suxiu.alarms.mqtt")
record MqttProperties(boolean enabled, String url, String topic, String clientId, String username, String password,
		Integer qos, Duration retryEvery) {

	MqttProperties {
		url = url == null || url.isBlank() ? "tcp://localhost:1883" : url;
		topic = topic == null || topic.isBlank() ? "suxiu/devices/+/alarms" : topic;
		clientId = clientId == null || clientId.isBlank() ? "suxiu-" + UUID.randomUUID().toString().substring(0, 8)
				: clientId;
		qos = qos == null ? 1 : qos;
		retryEvery = retryEvery == null ? Duration.ofSeconds(5) : retryEvery;
		if (qos < 0 || qos > 1) {
			throw new IllegalArgumentException("suxiu.alarms.mqtt.qos is 0 or 1");
		}
		if (deviceLevel(topic) < 0) {
			throw new IllegalArgumentException(
					"suxiu.alarms.mqtt.topic needs exactly one '+' level, the device id, and no '#': " + topic);
		}
	}

	/** The device id in a topic the filter matched, or {@code null}. */
	String deviceOf(String received) {
		String[] levels = received.split("/", -1);
		String[] filter = topic.split("/", -1);
		return levels.length == filter.length ? levels[deviceLevel(topic)] : null;
	}

	private static int deviceLevel(String topic) {
		String[] levels = topic.split("/", -1);
		int at = -1;
		for (int i = 0; i < levels.length; i++) {
			if (levels[i].equals("#")) {
				return -1;
			}
			if (levels[i].equals("+")) {
				if (at >= 0) {
					return -1;
				}
				at = i;
			}
		}
		return at;
	}

}
