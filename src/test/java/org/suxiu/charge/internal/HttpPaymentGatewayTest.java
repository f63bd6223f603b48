package org.suxiu.charge.internal;

import org.suxiu.charge.PaymentGateway;
import org.suxiu.charge.PaymentMethod;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The payment provider adapter against a stub provider on a local port: the signed
 * request, and only an exact, paid amount confirms.
 */
class HttpPaymentGatewayTest {

	private HttpServer provider;

	private final AtomicReference<String> answer = new AtomicReference<>();

	private final AtomicReference<String> signature = new AtomicReference<>();

	private final AtomicReference<String> body = new AtomicReference<>();

	private HttpPaymentGateway gateway;

	@BeforeEach
	void start() throws IOException {
		provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		provider.createContext("/confirm", exchange -> {
			body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			signature.set(exchange.getRequestHeaders().getFirst("X-Signature"));
			byte[] reply = answer.get().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, reply.length);
			exchange.getResponseBody().write(reply);
			exchange.close();
		});
		provider.start();
		gateway = new HttpPaymentGateway("http://127.0.0.1:" + provider.getAddress().getPort() + "/confirm",
				"test-secret", JsonMapper.builder().build());
	}

	@AfterEach
	void stop() {
		provider.stop(0);
	}

	@Test
	void confirmsAPaidExactAmountWithTheProvidersReference() {
		answer.set("{\"status\":\"PAID\",\"amountFen\":1250,\"reference\":\"4200001234\"}");

		PaymentGateway.Confirmation confirmation = gateway.confirm("BX1", PaymentMethod.WECHAT, "4200001234", 1250);

		assertThat(confirmation.confirmed()).isTrue();
		assertThat(confirmation.reference()).isEqualTo("4200001234");
		assertThat(body.get()).contains("\"amountFen\":1250", "\"orderNumber\":\"BX1\"");
		assertThat(signature.get()).isEqualTo(gateway.sign(body.get())).hasSize(64);
	}

	@Test
	void refusesAnAmountTheProviderDidNotReceive() {
		answer.set("{\"status\":\"PAID\",\"amountFen\":1249,\"reference\":\"4200001234\"}");

		assertThat(gateway.confirm("BX1", PaymentMethod.ALIPAY, "4200001234", 1250).confirmed()).isFalse();
	}

	@Test
	void refusesAnUnpaidTransactionAndOneWithoutReference() {
		answer.set("{\"status\":\"NOTPAY\",\"amountFen\":1250}");

		assertThat(gateway.confirm("BX1", PaymentMethod.WECHAT, "4200001234", 1250).confirmed()).isFalse();
		assertThat(gateway.confirm("BX1", PaymentMethod.WECHAT, null, 1250).confirmed()).isFalse();
	}

	@Test
	void anUnreachableProviderIsABadGatewayNotAPayment() {
		provider.stop(0);

		assertThatThrownBy(() -> gateway.confirm("BX1", PaymentMethod.WECHAT, "4200001234", 1250))
			.isInstanceOf(HttpPaymentGateway.Unreachable.class);
	}

}
