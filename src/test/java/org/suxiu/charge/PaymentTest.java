package org.suxiu.charge;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Payments recorded by the front desk, to the fen. */
class PaymentTest extends ApplicationTest {

	OnSite site;

	@BeforeEach
	void onSite() {
		site = new OnSite(api);
	}

	@Test
	void paymentsAddUpToTheFenAndTheLastClearsTheDebt() {
		String number = approved("LAB-REPAIR", 1, "PIPE-20", 3);

		Response cash = pay(number, 5000, "CASH");
		Response wechat = pay(number, 3750, "WECHAT");

		assertThat(cash.status()).as(cash.body().toString()).isEqualTo(201);
		assertThat(cash.body().get("outstandingFen").asLong()).isEqualTo(3750);
		assertThat(wechat.body().get("outstandingFen").asLong()).isZero();
		Response payments = api.get("agent", "/api/v1/work-orders/" + number + "/payments");
		assertThat(payments.body().get("owedFen").asLong()).isEqualTo(8750);
		assertThat(payments.body().get("paidFen").asLong()).isEqualTo(8750);
		assertThat(payments.body().get("items")).hasSize(2);
	}

	@Test
	void payingMoreThanOwedIsRefusedAndNothingIsRecorded() {
		String number = approved("LAB-REPAIR", 1);
		pay(number, 4000, "CASH");

		Response over = pay(number, 1001, "ALIPAY");

		assertThat(over.status()).isEqualTo(422);
		assertThat(over.problemType()).isEqualTo("overpayment");
		assertThat(api.get("agent", "/api/v1/work-orders/" + number + "/payments").body().get("paidFen").asLong())
			.isEqualTo(4000);
	}

	@Test
	void badAmountsAndMethodsAreRefused() {
		String number = approved("LAB-REPAIR", 1);

		assertThat(pay(number, 12.5, "CASH").status()).isEqualTo(400);
		assertThat(pay(number, -100, "CASH").status()).isEqualTo(400);
		assertThat(pay(number, 0, "CASH").status()).isEqualTo(400);
		assertThat(pay(number, 100, "BITCOIN").status()).isEqualTo(400);
		assertThat(api.get("agent", "/api/v1/work-orders/" + number + "/payments").body().get("paidFen").asLong())
			.isZero();
	}

	@Test
	void onlyTheFrontDeskRecordsPayments() {
		String number = approved("LAB-REPAIR", 1);

		Response technician = api.post(OnSite.TECHNICIAN, "/api/v1/work-orders/" + number + "/payments",
				Map.of("amountFen", 100, "method", "CASH"));
		Response owner = api.post(OnSite.OWNER, "/api/v1/work-orders/" + number + "/payments",
				Map.of("amountFen", 100, "method", "CASH"));

		assertThat(technician.status()).isEqualTo(403);
		assertThat(owner.status()).isEqualTo(403);
	}

	@Test
	void theOwnerSeesTheirReceiptAndNobodyElsesOwnerDoes() {
		String number = approved("LAB-REPAIR", 1);
		long receipt = pay(number, 5000, "FEE_BILL").body().get("id").asLong();

		Response mine = api.get(OnSite.OWNER, "/api/v1/receipts/" + receipt);
		Response theirs = api.get("13800000002", "/api/v1/receipts/" + receipt);

		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body().get("amountFen").asLong()).isEqualTo(5000);
		assertThat(mine.text("method")).isEqualTo("FEE_BILL");
		assertThat(theirs.status()).isEqualTo(404);
	}

	@Test
	void theFrontDeskListsWhatIsStillOwed() {
		String owing = approved("LAB-REPAIR", 1);
		String settled = approved("LAB-REPAIR", 1);
		pay(settled, 5000, "CASH");

		Response unpaid = api.get("agent", "/api/v1/projects/DEMO/unpaid");

		assertThat(unpaid.body().get("items").findValuesAsString("number")).contains(owing).doesNotContain(settled);
	}

	private String approved(Object... lines) {
		String number = site.leakAtHome();
		assertThat(site.quote(number, lines).status()).isEqualTo(201);
		assertThat(site.act(OnSite.OWNER, number, "quote/approve", Map.of()).status()).isEqualTo(200);
		return number;
	}

	private Response pay(String number, Object amount, String method) {
		return api.post("agent", "/api/v1/work-orders/" + number + "/payments",
				Map.of("amountFen", amount, "method", method));
	}

}
