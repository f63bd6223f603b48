package org.suxiu.notification.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Aliyun's SMS endpoint on localhost: checks each request's signature with
 * the shared secret, records what it was asked to send, and answers as told — OK, HTTP
 * 500 while "down", or a refusal code for chosen numbers.
 */
public final class AliyunStub implements AutoCloseable {

	public static final String KEY_ID = "test-key-id";

	public static final String SECRET = "test-secret-not-for-production";

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

	private final AtomicInteger ids = new AtomicInteger();

	private volatile boolean down;

	private volatile Duration latency = Duration.ZERO;

	private volatile Function<String, String> refusal = phone -> null;

	public AliyunStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(Executors.newFixedThreadPool(16));
		server.createContext("/", this::handle);
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
	}

	/** The provider answers 500 to everything until {@link #up()}. */
	public void down() {
		down = true;
	}

	public void up() {
		down = false;
	}

	public void latency(Duration latency) {
		this.latency = latency;
	}

	/** Refuses numbers for which the function gives an Aliyun error code. */
	public void refuse(Function<String, String> codeForPhone) {
		this.refusal = codeForPhone;
	}

	public List<Request> requests() {
		return List.copyOf(requests);
	}

	/** The requests answered OK. */
	public List<Request> accepted() {
		return requests.stream().filter(Request::accepted).toList();
	}

	public void clear() {
		requests.clear();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!latency.isZero()) {
				Thread.sleep(latency.toMillis());
			}
			Map<String, String> form = parse(
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			SortedMap<String, String> signed = new TreeMap<>(form);
			String signature = signed.remove("Signature");
			boolean valid = signature != null && KEY_ID.equals(form.get("AccessKeyId"))
					&& signature.equals(AliyunSignature.sign(exchange.getRequestMethod(), signed, SECRET));
			String phone = form.get("PhoneNumbers");
			String refused = refusal.apply(phone);
			int status;
			String body;
			if (down) {
				status = 500;
				body = "{\"Code\":\"isp.SYSTEM_ERROR\",\"Message\":\"down\"}";
			}
			else if (!valid) {
				status = 400;
				body = "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"bad signature\"}";
			}
			else if (refused != null) {
				status = 200;
				body = "{\"Code\":\"" + refused + "\",\"Message\":\"refused\"}";
			}
			else {
				status = 200;
				body = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"biz-" + ids.incrementAndGet()
						+ "\",\"RequestId\":\"r\"}";
			}
			requests.add(new Request(phone, form.get("SignName"), form.get("TemplateCode"), form.get("TemplateParam"),
					form.get("OutId"), valid, status == 200 && refused == null));
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Map<String, String> parse(String form) {
		Map<String, String> values = new TreeMap<>();
		for (String pair : form.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	/**
	 * One request as the provider saw it.
	 *
	 * @param phone PhoneNumbers
	 * @param signName SignName
	 * @param templateCode TemplateCode
	 * @param templateParam TemplateParam (JSON)
	 * @param outId OutId, our message reference
	 * @param signatureValid whether the signature checked out
	 * @param accepted whether it was answered OK
	 */
	public record Request(String phone, String signName, String templateCode, String templateParam, String outId,
			boolean signatureValid, boolean accepted) {
	}

}
