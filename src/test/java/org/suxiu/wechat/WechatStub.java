package org.suxiu.wechat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for WeChat's servers on localhost that holds SuXiu to the protocol: access
 * tokens granted only for the right AppID and secret, valid {@link #tokenLifetime} by the
 * test's clock (then 42001), all retired at once by {@link #retireTokens()} (then 40001);
 * template messages only with a live token, to a known openid, refused for owners who
 * refused them (43101); OAuth and mini-program codes valid once (else 40029). Its
 * authorise page sends the browser straight back with a code for the WeChat user the test
 * says is using the phone.
 */
public final class WechatStub implements AutoCloseable {

	public static final String APP_ID = "wx-test-official";

	public static final String SECRET = "test-official-secret-not-for-production";

	public static final String TOKEN = "test-callback-token";

	/** EncodingAESKey for 安全模式 callbacks: 43 characters of Base64. */
	public static final String AES_KEY = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eX2A";

	public static final String MINI_APP_ID = "wx-test-mini";

	public static final String MINI_SECRET = "test-mini-secret-not-for-production";

	private final HttpServer server;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private final Map<String, String> oauthCodes = new ConcurrentHashMap<>();

	private final Map<String, String> miniCodes = new ConcurrentHashMap<>();

	private final Set<String> refusing = ConcurrentHashMap.newKeySet();

	private final ConcurrentLinkedQueue<TemplateRequest> templates = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Integer> errors = new ConcurrentLinkedQueue<>();

	private final AtomicInteger grants = new AtomicInteger();

	private final AtomicInteger ids = new AtomicInteger(1000);

	private volatile Duration tokenLifetime = Duration.ofHours(2);

	private volatile String phoneUser;

	public WechatStub(Clock clock) {
		this.clock = clock;
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/", this::handle);
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The WeChat user whose phone opens the authorise page next. */
	public void phoneOf(String openid) {
		this.phoneUser = openid;
	}

	/** A {@code wx.login} code for a mini-program user. */
	public String miniCodeFor(String openid) {
		String code = "mini-" + ids.incrementAndGet();
		miniCodes.put(code, openid);
		return code;
	}

	/** The follower has refused template messages from now on (43101). */
	public void refuses(String openid) {
		refusing.add(openid);
	}

	public void accepts(String openid) {
		refusing.remove(openid);
	}

	/**
	 * Every token granted so far stops working, as when someone else fetched one: 40001.
	 */
	public void retireTokens() {
		tokens.replaceAll((token, expiry) -> Instant.MIN);
	}

	/** Every token granted so far has expired by WeChat's clock: 42001. */
	public void expireTokens() {
		Instant now = clock.instant();
		tokens.replaceAll((token, expiry) -> expiry.equals(Instant.MIN) ? expiry : now);
	}

	/** How long tokens granted from now on last (WeChat: 7200 s). */
	public void tokenLifetime(Duration lifetime) {
		this.tokenLifetime = lifetime;
	}

	public int grants() {
		return grants.get();
	}

	public List<TemplateRequest> templates() {
		return List.copyOf(templates);
	}

	/** The error codes answered so far, in order. */
	public List<Integer> errors() {
		return List.copyOf(errors);
	}

	public void clear() {
		templates.clear();
		errors.clear();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	/** WeChat's callback signature: SHA-1 of token, timestamp and nonce, sorted. */
	public static String sign(String token, String timestamp, String nonce) {
		String[] parts = { token, timestamp, nonce };
		java.util.Arrays.sort(parts);
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
				.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
			String path = exchange.getRequestURI().getPath();
			switch (path) {
				case "/cgi-bin/token" -> token(exchange, query);
				case "/cgi-bin/message/template/send" -> template(exchange, query);
				case "/sns/oauth2/access_token" -> oauth(exchange, query);
				case "/sns/jscode2session" -> miniSession(exchange, query);
				case "/connect/oauth2/authorize" -> authorize(exchange, query);
				default -> answer(exchange, 404, "{\"errcode\":404,\"errmsg\":\"no such api\"}");
			}
		}
	}

	private void token(HttpExchange exchange, Map<String, String> query) throws IOException {
		if (!"GET".equals(exchange.getRequestMethod()) || !"client_credential".equals(query.get("grant_type"))) {
			error(exchange, 40002, "invalid grant_type");
		}
		else if (!APP_ID.equals(query.get("appid"))) {
			error(exchange, 40013, "invalid appid");
		}
		else if (!SECRET.equals(query.get("secret"))) {
			error(exchange, 40125, "invalid appsecret");
		}
		else {
			String token = "TOKEN-" + grants.incrementAndGet();
			tokens.put(token, clock.instant().plus(tokenLifetime));
			answer(exchange, 200,
					"{\"access_token\":\"" + token + "\",\"expires_in\":" + tokenLifetime.toSeconds() + "}");
		}
	}

	private void template(HttpExchange exchange, Map<String, String> query) throws IOException {
		Instant expiry = tokens.get(String.valueOf(query.get("access_token")));
		JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
		if (!"POST".equals(exchange.getRequestMethod()) || expiry == null || expiry.equals(Instant.MIN)) {
			error(exchange, 40001, "invalid credential, access_token is invalid or not latest");
			return;
		}
		if (!expiry.isAfter(clock.instant())) {
			error(exchange, 42001, "access_token expired");
			return;
		}
		String openid = body.path("touser").asString("");
		if (!openid.startsWith("o")) {
			error(exchange, 40003, "invalid openid");
			return;
		}
		if (body.path("template_id").asString("").isBlank()) {
			error(exchange, 40037, "invalid template_id");
			return;
		}
		if (refusing.contains(openid)) {
			error(exchange, 43101, "user refuse to accept the msg");
			return;
		}
		Map<String, String> data = new HashMap<>();
		body.path("data").properties().forEach(e -> data.put(e.getKey(), e.getValue().path("value").asString()));
		long id = ids.incrementAndGet();
		templates.add(new TemplateRequest(openid, body.path("template_id").asString(), body.path("url").asString(null),
				body.path("client_msg_id").asString(null), Map.copyOf(data), String.valueOf(id)));
		answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + id + "}");
	}

	private void oauth(HttpExchange exchange, Map<String, String> query) throws IOException {
		if (!APP_ID.equals(query.get("appid")) || !SECRET.equals(query.get("secret"))
				|| !"authorization_code".equals(query.get("grant_type"))) {
			error(exchange, 40125, "invalid appid or secret");
			return;
		}
		String openid = oauthCodes.remove(String.valueOf(query.get("code")));
		if (openid == null) {
			error(exchange, 40029, "invalid code");
			return;
		}
		answer(exchange, 200,
				"{\"access_token\":\"WEB-" + ids.incrementAndGet()
						+ "\",\"expires_in\":7200,\"refresh_token\":\"R\",\"openid\":\"" + openid
						+ "\",\"scope\":\"snsapi_base\"}");
	}

	private void miniSession(HttpExchange exchange, Map<String, String> query) throws IOException {
		if (!MINI_APP_ID.equals(query.get("appid")) || !MINI_SECRET.equals(query.get("secret"))
				|| !"authorization_code".equals(query.get("grant_type"))) {
			error(exchange, 40125, "invalid appid or secret");
			return;
		}
		String openid = miniCodes.remove(String.valueOf(query.get("js_code")));
		if (openid == null) {
			error(exchange, 40029, "invalid code");
			return;
		}
		answer(exchange, 200, "{\"openid\":\"" + openid + "\",\"session_key\":\"k" + ids.incrementAndGet() + "\"}");
	}

	/** WeChat's page in the phone: for snsapi_base it goes straight back with a code. */
	private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
		String user = phoneUser;
		if (!APP_ID.equals(query.get("appid")) || !"code".equals(query.get("response_type"))
				|| !"snsapi_base".equals(query.get("scope")) || query.get("redirect_uri") == null || user == null) {
			answer(exchange, 400, "{\"errcode\":10003,\"errmsg\":\"redirect_uri or appid wrong\"}");
			return;
		}
		String code = "web-" + ids.incrementAndGet();
		oauthCodes.put(code, user);
		String target = query.get("redirect_uri") + "?code=" + code + "&state="
				+ URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Location", target);
		exchange.sendResponseHeaders(302, -1);
	}

	private void error(HttpExchange exchange, int code, String message) throws IOException {
		errors.add(code);
		answer(exchange, 200, "{\"errcode\":" + code + ",\"errmsg\":\"" + message + "\"}");
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, String> parse(String query) {
		Map<String, String> values = new HashMap<>();
		if (query == null) {
			return values;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	/**
	 * A template message WeChat took.
	 *
	 * @param openid {@code touser}
	 * @param templateId {@code template_id}
	 * @param url the page it opens
	 * @param clientMessageId our id, {@code client_msg_id}
	 * @param data keyword → value
	 * @param messageId WeChat's {@code msgid}
	 */
	public record TemplateRequest(String openid, String templateId, String url, String clientMessageId,
			Map<String, String> data, String messageId) {
	}

}
