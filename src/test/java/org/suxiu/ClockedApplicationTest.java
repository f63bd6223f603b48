package org.suxiu;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with a hand-advanced clock and the SLA poller off: tests move
 * time and fire due timers themselves. One context (and database) for every class that
 * extends it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "suxiu.sla.poller.enabled=false", "suxiu.workorder.auto-accept.enabled=false",
				"suxiu.aftercare.poller.enabled=false", "suxiu.security.token-lifetime=P3650D" },
		classes = { SuxiuApplication.class, ClockedApplicationTest.TestClock.class })
public abstract class ClockedApplicationTest extends ApiTest {

	protected static final MutableClock CLOCK = MutableClock.at("2026-11-27T09:00:00+08:00");

	private static final Path DATA_DIR = temporaryDataDirectory("suxiu-clocked-test-");

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("suxiu.data-dir", DATA_DIR::toString);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return CLOCK;
		}

	}

}
