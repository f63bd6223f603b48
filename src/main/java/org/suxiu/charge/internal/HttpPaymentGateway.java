package org.suxiu.charge.internal;

import org.suxiu.charge.Payment;
import org.suxiu.charge.PaymentGateway;
import org.suxiu.charge.PaymentMethod;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * Asks a payment provider's confirmation endpoint whether a transaction paid the amount:
 * {@code POST <url>} with {@code {"orderNumber","method","reference","amountFen"}},
 * signed with HMAC-SHA256 of the body in {@code X-Signature}; the answer
 * {@code {"status":"PAID","amountFen":1250,"reference":"…"}} confirms only if the amount
 * is exactly the one recorded. A provider that cannot be reached answers 502, nothing
 * recorded.
 */
class HttpPaymentGateway implements PaymentGateway {

	private final URI url;

	private final byte[] secret;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	HttpPaymentGateway(String url, String secret, JsonMapper json) {
		this.url = URI.create(url);
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.json = json;
	}

	@Override
	public Confirmation confirm(String number, PaymentMethod method, String reference, long amountFen) {
		if (reference == null) {
			return new Confirmation(false, null);
		}
		String body = json.writeValueAsString(
				Map.of("orderNumber", number, "method", method.name(), "reference", reference, "amountFen", amountFen));
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.header("X-Signature", sign(body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new Unreachable("the payment provider answered " + response.statusCode());
			}
			JsonNode answer = json.readTree(response.body());
			boolean paid = "PAID".equals(answer.path("status").asString(""))
					&& answer.path("amountFen").asLong(-1) == amountFen;
			return new Confirmation(paid, answer.path("reference").asString(reference));
		}
		catch (java.io.IOException ex) {
			throw new Unreachable("the payment provider cannot be reached");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unreachable("interrupted");
		}
	}

	String sign(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The provider did not answer: 502, nothing recorded. */
	static class Unreachable extends DomainException {

		Unreachable(String detail) {
			super("payment-provider-unavailable", HttpStatus.BAD_GATEWAY, "Payment provider unavailable", detail);
		}

	}

}
