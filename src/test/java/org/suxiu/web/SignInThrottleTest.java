package org.suxiu.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Password guessing is throttled per account and per client address, on the token
 * endpoint and the sign-in page alike, counted in PostgreSQL; a lock ends by time or by
 * an administrator and tells the person. Each test signs in from addresses of its own
 * (X-Forwarded-For from the loopback proxy) and with accounts of its own (agents: other
 * tests of this context count technicians, supervisors and dispatchers).
 */
class SignInThrottleTest extends ClockedApplicationTest {

	private static final AtomicInteger NEXT = new AtomicInteger();

	@Autowired
	private JdbcClient jdbc;

	private String address;

	@BeforeEach
	void ownTime() {
		CLOCK.set("2027-03-0" + (1 + NEXT.get() % 8) + "T10:00:00+08:00");
		address = "198.51.100." + NEXT.incrementAndGet();
	}

	@Test
	void fifthWrongPasswordMakesEvenTheRightOneWait() {
		String name = staff("AGENT", "13900001001");
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(name, "wrong-" + i).status()).isEqualTo(401);
		}

		Response answer = signIn(name, "secret-pass");

		assertThat(answer.status()).isEqualTo(429);
		assertThat(answer.isProblem()).isTrue();
		assertThat(answer.body().get("retryAfterSeconds").asLong()).isPositive();
	}

	@Test
	void theDelayGrowsAndEnds() {
		String name = staff("AGENT", null);
		for (int i = 0; i < 5; i++) {
			signIn(name, "wrong");
		}
		long first = signIn(name, "wrong").body().get("retryAfterSeconds").asLong();
		CLOCK.advance(Duration.ofSeconds(first));
		assertThat(signIn(name, "wrong").status()).isEqualTo(401);

		long second = signIn(name, "wrong").body().get("retryAfterSeconds").asLong();
		CLOCK.advance(Duration.ofSeconds(second));

		assertThat(second).isGreaterThan(first);
		assertThat(signIn(name, "secret-pass").status()).isEqualTo(200);
	}

	@Test
	void tenthWrongPasswordLocksForFifteenMinutesAndTellsThePerson() {
		String name = staff("AGENT", "13900001003");
		guessTenTimes(name);

		Response locked = signIn(name, "secret-pass");

		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.body().get("retryAfterSeconds").asLong()).isBetween(14 * 60L, 15 * 60L);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc
				.sql("SELECT count(*) FROM notification_message WHERE kind = 'ACCOUNT_LOCKED' AND recipient = ?")
				.param("13900001003")
				.query(Long.class)
				.single()).isEqualTo(1));
		CLOCK.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(signIn(name, "secret-pass").status()).isEqualTo(200);
	}

	@Test
	void anAdministratorUnlocks() {
		String name = staff("AGENT", null);
		guessTenTimes(name);
		long id = api.get("admin", "/api/v1/admin/staff")
			.body()
			.get("items")
			.valueStream()
			.filter(s -> s.get("username").asString().equals(name))
			.peek(s -> assertThat(s.get("locked").asBoolean()).isTrue())
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();

		Response unlocked = api.patch("admin", "/api/v1/admin/staff/" + id, Map.of("unlock", true));

		assertThat(unlocked.status()).isEqualTo(200);
		assertThat(signIn(name, "secret-pass").status()).isEqualTo(200);
	}

	@Test
	void anAdministratorUnlocksOnTheStaffPage() {
		String name = staff("AGENT", null);
		guessTenTimes(name);
		PageClient admin = new PageClient(port).signIn("admin");
		String page = admin.get("/admin/staff").body();
		assertThat(page).contains("id=\"unlock-" + name + "\"");
		long id = jdbc.sql("SELECT id FROM staff WHERE username = ?").param(name).query(Long.class).single();

		HttpResponse<String> answer = admin.submit("/admin/staff", "/admin/staff/" + id + "/unlock", Map.of());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(signIn(name, "secret-pass").status()).isEqualTo(200);
	}

	@Test
	void oneAddressGuessingManyAccountsIsThrottledToo() {
		for (int i = 0; i < 20; i++) {
			signIn("nobody-" + NEXT.get() + "-" + i, "wrong");
		}

		Response answer = signIn("agent", "demo123");

		assertThat(answer.status()).isEqualTo(429);
	}

	@Test
	void theSignInPageIsThrottledAsTheApi() {
		String name = staff("AGENT", null);
		PageClient browser = new PageClient(port, address);
		for (int i = 0; i < 5; i++) {
			browser.submit("/login", "/login", Map.of("username", name, "password", "wrong"));
		}

		HttpResponse<String> answer = browser.submit("/login", "/login",
				Map.of("username", name, "password", "secret-pass"));

		String location = answer.headers().firstValue("Location").orElse("");
		assertThat(location).contains("throttled=");
		HttpResponse<String> page = browser.get(location.substring(location.indexOf("/login")));
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void failuresOnThePageCountForTheApi() {
		String name = staff("AGENT", null);
		PageClient browser = new PageClient(port, address);
		for (int i = 0; i < 5; i++) {
			browser.submit("/login", "/login", Map.of("username", name, "password", "wrong"));
		}

		assertThat(signIn(name, "secret-pass").status()).isEqualTo(429);
	}

	@Test
	void codeRequestsArelimitedPerAddress() {
		for (int i = 0; i < 10; i++) {
			Response sent = api.post(null, "/api/v1/auth/sms-code",
					Map.of("phone", "1370000" + String.format("%04d", i)), "X-Forwarded-For", address);
			assertThat(sent.status()).isEqualTo(202);
		}

		Response answer = api.post(null, "/api/v1/auth/sms-code", Map.of("phone", "13700009999"), "X-Forwarded-For",
				address);

		assertThat(answer.status()).isEqualTo(429);
	}

	private void guessTenTimes(String name) {
		for (int i = 0; i < 10; i++) {
			Response answer = signIn(name, "wrong-" + i);
			if (answer.status() == 429) {
				CLOCK.advance(Duration.ofSeconds(answer.body().get("retryAfterSeconds").asLong()));
				answer = signIn(name, "wrong-" + i);
			}
			assertThat(answer.status()).isEqualTo(401);
		}
	}

	private Response signIn(String username, String password) {
		return api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", password),
				"X-Forwarded-For", address);
	}

	private String staff(String role, String phone) {
		String name = "thr-" + role.toLowerCase() + "-" + NEXT.incrementAndGet();
		Map<String, Object> body = new java.util.LinkedHashMap<>(
				Map.of("username", name, "name", "测试", "role", role, "password", "secret-pass", "projects", List.of()));
		if (phone != null) {
			body.put("phone", phone);
		}
		Response added = api.post("admin", "/api/v1/admin/staff", body);
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		return name;
	}

}
