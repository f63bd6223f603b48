package org.suxiu.hardening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api;
import org.suxiu.Api.Response;
import org.suxiu.SuxiuApplication;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated JSON thrown at intake and at every transition — wrong types, huge and tiny
 * numbers, extreme dates, control characters, deep nesting, unknown fields, every enum
 * misspelt: never a 5xx, every refusal is problem JSON, and a refused request changes
 * nothing in the database. Runs on an application of its own (jqwik has no Spring test
 * context).
 */
class GeneratedJsonTest {

	private static final List<String> ACTIONS = List.of("dispatch", "take", "decline", "arrive", "start", "hold",
			"resume", "complete", "accept", "reopen", "follow-up", "cancel", "regrade", "reschedule", "grab");

	private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();

	private static final AtomicInteger REQUESTS = new AtomicInteger();

	private static ConfigurableApplicationContext app;

	private static Api api;

	private static JsonMapper json;

	private static JdbcClient jdbc;

	private static final Map<String, String> ORDERS = new LinkedHashMap<>();

	@BeforeContainer
	static void start() throws Exception {
		Path dataDir = Files.createTempDirectory("suxiu-properties-");
		app = new SpringApplicationBuilder(SuxiuApplication.class).run("--server.port=0", "--suxiu.data-dir=" + dataDir,
				"--suxiu.sla.poller.enabled=false", "--suxiu.dispatch.max-open-jobs=100000",
				"--suxiu.notification.delivery.enabled=false", "--logging.level.org.suxiu.shared.ProblemHandler=OFF");
		int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		json = app.getBean(JsonMapper.class);
		jdbc = app.getBean(JdbcClient.class);
		api = new Api(port, json);
		for (String action : ACTIONS) {
			String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
			if (List.of("take", "decline", "arrive", "start", "hold", "resume", "complete").contains(action)) {
				api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech01"));
			}
			ORDERS.put(action, number);
		}
	}

	@AfterContainer
	static void stop() {
		System.out.printf("GeneratedJsonTest: %d generated requests, %d answered 5xx%n", REQUESTS.get(),
				SERVER_ERRORS.get());
		if (app != null) {
			app.close();
		}
		assertThat(SERVER_ERRORS.get()).as("5xx answers to generated JSON").isZero();
	}

	@Property(tries = 250)
	void intakeNeverFailsOnTheServer(@ForAll("createBodies") String body) {
		send("agent", "/api/v1/work-orders", body);
	}

	@Property(tries = 60)
	void ownersIntakeNeverFailsOnTheServer(@ForAll("createBodies") String body) {
		send("13800000001", "/api/v1/work-orders", body);
	}

	@Property(tries = 400)
	void transitionsNeverFailOnTheServer(@ForAll("actions") String action, @ForAll("actionBodies") String body,
			@ForAll("actors") String actor) {
		send(actor, "/api/v1/work-orders/" + ORDERS.get(action) + "/" + action, body);
	}

	private static void send(String user, String path, String body) {
		List<Long> before = fingerprint();

		Response answer = api.post(user, path, body);

		REQUESTS.incrementAndGet();
		if (answer.status() >= 500) {
			SERVER_ERRORS.incrementAndGet();
		}
		String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
		assertThat(answer.status()).as("%s %s %s -> %s", user, path, shown, answer.body()).isLessThan(500);
		if (answer.status() >= 400) {
			assertThat(answer.isProblem()).as("%s %s -> %s", path, shown, answer.contentType()).isTrue();
			assertThat(fingerprint()).as("database after a refused %s %s", path, shown).isEqualTo(before);
		}
	}

	/**
	 * What a request to the order API may change: orders, their history, idempotency
	 * keys.
	 */
	private static List<Long> fingerprint() {
		return jdbc
			.sql("SELECT (SELECT count(*) FROM work_order), (SELECT coalesce(sum(version), 0) FROM work_order), "
					+ "(SELECT count(*) FROM work_order_history), (SELECT count(*) FROM idempotency_key)")
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	@Provide
	Arbitrary<String> actions() {
		return Arbitraries.of(ACTIONS);
	}

	@Provide
	Arbitrary<String> actors() {
		return Arbitraries.of("agent", "dispatcher", "supervisor", "tech01", "tech02", "13800000001", "manager");
	}

	@Provide
	Arbitrary<String> createBodies() {
		Arbitrary<Map<String, Object>> mutated = Arbitraries.lazy(() -> Arbitraries
			.of("channel", "reporter", "location", "category", "description", "grade", "appointment", "reportedAt",
					"unknown", "reporter.name", "reporter.phone", "location.projectCode", "location.room",
					"appointment.from", "appointment.to")
			.list()
			.ofMinSize(1)
			.ofMaxSize(4)
			.flatMap(fields -> values().list().ofSize(fields.size()).map(values -> {
				Map<String, Object> body = new LinkedHashMap<>(Requests.drippingTapByHotline());
				body.put("appointment", new LinkedHashMap<>(
						Map.of("from", "2027-01-01T09:00:00+08:00", "to", "2027-01-01T11:00:00+08:00")));
				for (int i = 0; i < fields.size(); i++) {
					put(body, fields.get(i), values.get(i));
				}
				return body;
			})));
		return Arbitraries.oneOf(mutated.map(GeneratedJsonTest::write), rawJunk());
	}

	@Provide
	Arbitrary<String> actionBodies() {
		Arbitrary<Map<String, Object>> bodies = Arbitraries
			.of("note", "technicianId", "reason", "resolution", "rating", "comment", "satisfied", "grade", "version",
					"appointment", "appointment.from", "appointment.to", "unknown")
			.list()
			.ofMinSize(1)
			.ofMaxSize(4)
			.flatMap(fields -> values().list().ofSize(fields.size()).map(values -> {
				Map<String, Object> body = new LinkedHashMap<>();
				for (int i = 0; i < fields.size(); i++) {
					put(body, fields.get(i), values.get(i));
				}
				return body;
			}));
		return Arbitraries.oneOf(bodies.map(GeneratedJsonTest::write), rawJunk());
	}

	/** Any JSON value, and some that are almost JSON values. */
	private static Arbitrary<Object> values() {
		return Arbitraries.oneOf(strings(), numbers(), dates(), misspeltEnums(), Arbitraries.of(true, false),
				Arbitraries.just(null), nested(), Arbitraries.of(List.of(), Map.of(), List.of(1, "x", Map.of())));
	}

	private static Arbitrary<Object> strings() {
		return Arbitraries
			.oneOf(Arbitraries.strings().all().ofMaxLength(40),
					Arbitraries.strings()
						.withChars('\u0000', '\u0001', '\u001b', '\u007f', '\u2028', '\ufeff', '\ud800', '漏', '水', '"',
								'\\')
						.ofMaxLength(20),
					Arbitraries.of("", " ", "٣", "１２３", "0", "-1", "tech01\u0000", "漏水\u0000"),
					Arbitraries.strings().withChars("漏水abc").ofMinLength(2000).ofMaxLength(2100))
			.map(s -> (Object) s);
	}

	private static Arbitrary<Object> numbers() {
		return Arbitraries.oneOf(Arbitraries.integers().map(i -> (Object) i), Arbitraries.longs().map(l -> (Object) l),
				Arbitraries.of(new java.math.BigDecimal("1e400"), new java.math.BigDecimal("-1e-400"),
						new java.math.BigInteger("99999999999999999999999999999999"), Double.MAX_VALUE,
						Double.MIN_VALUE, -0.0, 1.5, Long.MIN_VALUE));
	}

	private static Arbitrary<Object> dates() {
		return Arbitraries.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
				"2026-02-30T09:00:00+08:00", "2026-11-27T25:00:00+08:00", "2026-11-27T09:00:00+18:00",
				"2026-11-27T09:00:00", "2026-11-27", "9999-12-31T23:59:59.999999999+08:00", "1970-01-01T00:00:00Z",
				"2026-11-27T09:00:00+08:00[Asia/Shanghai]", "PT30M", "now");
	}

	private static Arbitrary<Object> misspeltEnums() {
		return Arbitraries.of("hotline", "HOTLINE ", "HOT_LINE", "L0", "L5", "l1", "ELEVATORS", "elevator", "PLUMBIN",
				"APP\u0000", "ＬＩ", "NEW", "DISPATCHED", "ADMIN", "OWNER");
	}

	private static Arbitrary<Object> nested() {
		return Arbitraries.integers().between(1, 300).map(depth -> {
			Object value = "x";
			for (int i = 0; i < depth; i++) {
				value = i % 2 == 0 ? Map.of("a", value) : List.of(value);
			}
			return value;
		});
	}

	private static Arbitrary<String> rawJunk() {
		return Arbitraries.of("", "null", "[]", "\"text\"", "42", "{", "{\"channel\":", "{\"a\":1,\"a\":2}",
				"{\"description\":\"\\u0000\"}", "{\"version\": 1e999999}", "\u0000", "{\"grade\": \"L1\"} trailing",
				"[".repeat(5000) + "]".repeat(5000), "{\"note\": \"\\ud800\"}");
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> body, String path, Object value) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			body.put(path, value);
			return;
		}
		Object inner = body.get(path.substring(0, dot));
		Map<String, Object> child = inner instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map)
				: new LinkedHashMap<>();
		child.put(path.substring(dot + 1), value);
		body.put(path.substring(0, dot), child);
	}

	private static String write(Map<String, Object> body) {
		return json.writeValueAsString(body);
	}

}
