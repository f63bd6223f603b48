package org.suxiu.asset.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.suxiu.shared.DomainException;

/**
 * Device alarms from an MQTT broker (Eclipse Paho), on only with
 * {@code suxiu.alarms.mqtt.enabled}: each message on the topic goes through the same
 * intake as {@code POST /api/v1/devices/{deviceId}/alarms} — the device's key, the
 * optional signature, one order per open alarm, repeats counted — so a storm or a second
 * instance receiving the same message opens no second order. The broker is retried until
 * it answers, and after a lost connection the client reconnects and subscribes again.
 */
@Component
@ConditionalOnBooleanProperty("suxiu.alarms.mqtt.enabled")
class MqttAlarms implements SmartLifecycle, MqttCallbackExtended {

	private static final Logger log = LoggerFactory.getLogger(MqttAlarms.class);

	private final AlarmIntake intake;

	private final MqttProperties properties;

	private final JsonMapper json;

	private final AtomicInteger taken = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	private volatile MqttAsyncClient client;

	private volatile ScheduledExecutorService connector;

	MqttAlarms(AlarmIntake intake, MqttProperties properties, JsonMapper json) {
		this.intake = intake;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * One MQTT message: the device's key, and either the alarm as an object or, for a
	 * gateway that signs, the exact body it signed as a string.
	 *
	 * @param key the device key issued at registration
	 * @param id the message's id, unique per device; a second delivery of it changes
	 * nothing
	 * @param timestamp epoch seconds, with {@code signature}
	 * @param signature hex HMAC-SHA256 under the key of {@code timestamp + "." + body}
	 * @param alarm {type, severity, value, at, state}, unsigned
	 * @param body the same as a JSON string, when signed
	 */
	record Envelope(String key, String id, String timestamp, String signature, JsonNode alarm, String body) {
	}

	@Override
	public void start() {
		try {
			client = new MqttAsyncClient(properties.url(), properties.clientId(), new MemoryPersistence());
		}
		catch (MqttException ex) {
			throw new IllegalStateException("suxiu.alarms.mqtt.url is not a broker address: " + properties.url(), ex);
		}
		client.setCallback(this);
		connector = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "mqtt-alarms-connect");
			thread.setDaemon(true);
			return thread;
		});
		connector.execute(this::connect);
	}

	/** Tries the broker until it answers; from then on Paho reconnects by itself. */
	private void connect() {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		options.setAutomaticReconnect(true);
		options.setMaxReconnectDelay((int) properties.retryEvery().toMillis());
		options.setConnectionTimeout(10);
		if (properties.username() != null && !properties.username().isBlank()) {
			options.setUserName(properties.username());
		}
		if (properties.password() != null && !properties.password().isEmpty()) {
			options.setPassword(properties.password().toCharArray());
		}
		try {
			client.connect(options).waitForCompletion(15_000);
		}
		catch (MqttException ex) {
			log.warn("MQTT broker {} not reached ({}); trying again in {}", properties.url(), ex.getMessage(),
					properties.retryEvery());
			ScheduledExecutorService again = connector;
			if (again != null && !again.isShutdown()) {
				again.schedule(this::connect, properties.retryEvery().toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	@Override
	public void connectComplete(boolean reconnect, String serverUri) {
		try {
			// a clean session forgets the subscription: subscribe on every connect
			client.subscribe(properties.topic(), properties.qos());
			log.info("MQTT alarms: {} to {}, subscribed to {}", reconnect ? "reconnected" : "connected", serverUri,
					properties.topic());
		}
		catch (MqttException ex) {
			log.error("MQTT alarms: could not subscribe to {}", properties.topic(), ex);
		}
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) {
		// never throws: an exception here would drop the connection
		String deviceId = properties.deviceOf(topic);
		try {
			Envelope envelope = json.readValue(message.getPayload(), Envelope.class);
			byte[] body = envelope.body() != null ? envelope.body().getBytes(StandardCharsets.UTF_8)
					: envelope.alarm() != null ? json.writeValueAsBytes(envelope.alarm()) : new byte[0];
			AlarmReceipt receipt = intake.receive(deviceId, envelope.key(), envelope.timestamp(), envelope.signature(),
					envelope.id(), body);
			taken.incrementAndGet();
			log.debug("MQTT alarm from {}: {}", deviceId, receipt);
		}
		catch (DomainException | JacksonException ex) {
			refused.incrementAndGet();
			log.warn("MQTT alarm on {} refused, nothing recorded: {}", topic, ex.getMessage());
		}
		catch (RuntimeException ex) {
			refused.incrementAndGet();
			log.error("MQTT alarm on {} could not be recorded", topic, ex);
		}
	}

	@Override
	public void connectionLost(Throwable cause) {
		log.warn("MQTT alarms: connection to {} lost ({}); reconnecting", properties.url(),
				cause == null ? "" : cause.getMessage());
	}

	@Override
	public void deliveryComplete(IMqttDeliveryToken token) {
		// this client only subscribes
	}

	/** Whether the client is connected to the broker now. */
	boolean connected() {
		MqttAsyncClient current = client;
		return current != null && current.isConnected();
	}

	/** Messages recorded (opened, counted, cleared or duplicate) since start. */
	int taken() {
		return taken.get();
	}

	/** Messages refused (bad key, signature or body, or a failure) since start. */
	int refused() {
		return refused.get();
	}

	@Override
	public void stop() {
		ScheduledExecutorService stopping = connector;
		if (stopping != null) {
			stopping.shutdownNow();
		}
		MqttAsyncClient closing = client;
		if (closing != null) {
			try {
				if (closing.isConnected()) {
					closing.disconnect().waitForCompletion(5_000);
				}
				closing.close(true);
			}
			catch (MqttException ex) {
				log.debug("MQTT alarms: disconnect", ex);
			}
		}
		client = null;
	}

	@Override
	public boolean isRunning() {
		return client != null;
	}

}
