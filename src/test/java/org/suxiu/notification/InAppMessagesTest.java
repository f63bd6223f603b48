package org.suxiu.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.suxiu.SseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An owner who prefers the app gets their notices in the live stream instead of by SMS.
 */
class InAppMessagesTest extends NotificationTest {

	private static final String OWNER = "13800000002";

	@AfterEach
	void backToSms() {
		api.put(OWNER, "/api/v1/me/notification-preferences", Map.of("channels", List.of("SMS")));
	}

	@Test
	void anOwnerWhoPrefersTheAppReadsTheDispatchNoticeInTheLiveStream() {
		nextDayAt("11:00");
		assertThat(api.put(OWNER, "/api/v1/me/notification-preferences", Map.of("channels", List.of("APP"))).status())
			.isEqualTo(200);
		String number = order("L3", OWNER);

		try (SseClient stream = SseClient.open(port, "/api/v1/events", api.token(OWNER), json)) {
			dispatch(number, "tech02");
			Message notice = only(awaitMessages(number, Kind.OWNER_DISPATCHED), Kind.OWNER_DISPATCHED);
			deliver();

			await().atMost(Duration.ofSeconds(20)).until(() -> stream.typesAbout(number).contains("message"));
			SseClient.Event message = stream.about(number)
				.stream()
				.filter(e -> e.type().equals("message"))
				.findFirst()
				.orElseThrow();
			assertThat(notice.channel()).isEqualTo(Channel.APP);
			assertThat(message.text("template")).isEqualTo("OWNER_DISPATCHED");
			assertThat(message.text("body")).contains(number);
		}
	}

}
