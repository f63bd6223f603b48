package org.suxiu.workorder;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suxiu.Api;
import org.suxiu.ApiTest;
import org.suxiu.RoundTrips;
import org.suxiu.SuxiuApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many times a request goes to the database and back: the create and read paths are
 * kept short (issue 19). The counts print so that a change in either direction is seen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "suxiu.sla.poller.enabled=false", "suxiu.notification.delivery.enabled=false",
				"suxiu.events.resubmit.enabled=false", "suxiu.events.purge.enabled=false" },
		classes = { SuxiuApplication.class, RoundTrips.Config.class })
class RoundTripsTest extends ApiTest {

	private static final Path DATA_DIR = temporaryDataDirectory("suxiu-round-trips-test-");

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("suxiu.data-dir", DATA_DIR::toString);
	}

	@Test
	void createsAnOrderInAtMostEightRoundTrips() {
		api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline());

		Api.Response created = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline(),
				RoundTrips.HEADER, "1");

		assertThat(created.status()).isEqualTo(201);
		System.out.println("round trips per create: " + RoundTrips.last());
		RoundTrips.lastTrail()
			.forEach(line -> System.out.println("  create> " + line.substring(0, Math.min(110, line.length()))));
		// the seventh and eighth: analytics' and the live feed's durable event rows
		assertThat(RoundTrips.last()).isBetween(1, 8);
	}

	@Test
	void readsAnOrderInAtMostTwoRoundTrips() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		api.get("agent", "/api/v1/work-orders/" + number);

		Api.Response read = api.get("agent", "/api/v1/work-orders/" + number, RoundTrips.HEADER, "1");

		assertThat(read.status()).isEqualTo(200);
		System.out.println("round trips per read: " + RoundTrips.last());
		RoundTrips.lastTrail()
			.forEach(line -> System.out.println("  read> " + line.substring(0, Math.min(110, line.length()))));
		assertThat(RoundTrips.last()).isBetween(1, 2);
	}

}
