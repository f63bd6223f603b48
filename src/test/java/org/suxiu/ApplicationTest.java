package org.suxiu;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port over the embedded PostgreSQL with the demo data,
 * shared by every test class that extends it (one context, one database for the run).
 * Many tests dispatch to the same few technicians and leave the jobs open, hence the high
 * limit; the SLA poller is off, since on the real clock it would dispatch forgotten L1s
 * of one test while another reads them. Pages poll their live parts only every 10
 * minutes, so a page that updates does so through its event stream; sign-in codes can be
 * read from {@link CodeInbox}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "suxiu.dispatch.max-open-jobs=1000", "suxiu.sla.poller.enabled=false",
				"suxiu.web.live-fallback=PT10M", "suxiu.web.wall-refresh=PT10M",
				// every test client comes from 127.0.0.1; the per-address limits are
				// tested with
				// X-Forwarded-For in the clocked context
				"suxiu.identity.sms-code.per-address.delay-after=100000",
				"suxiu.identity.sms-code.per-address.lock-after=100000",
				"suxiu.platform.operator-password=" + ApplicationTest.OPERATOR_PASSWORD },
		classes = { SuxiuApplication.class, CodeInbox.class })
public abstract class ApplicationTest extends ApiTest {

	/** The platform operator {@code operator} signs in with this. */
	public static final String OPERATOR_PASSWORD = "operator-password-for-tests";

	private static final Path DATA_DIR = temporaryDataDirectory("suxiu-test-");

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("suxiu.data-dir", DATA_DIR::toString);
	}

}
