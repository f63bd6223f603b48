package org.suxiu.charge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price list over the API: replaced as a whole, checked, exported and imported as
 * CSV. Each test puts the demo list back.
 */
class PriceListTest extends ApplicationTest {

	private static final String LIST = "/api/v1/projects/DEMO/price-list";

	private JsonNode original;

	@BeforeEach
	void remember() {
		original = api.get("manager", LIST).body();
	}

	@AfterEach
	void restore() {
		assertThat(api.put("manager", LIST, original).status()).isEqualTo(200);
	}

	@Test
	void theDemoListHasPricesInFenAndTheRules() {
		Response list = api.get("tech01", LIST);

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().get("rules").get("calloutFeeFen").asLong()).isEqualTo(3000);
		assertThat(list.body().get("items").findValuesAsString("code")).contains("PIPE-20", "LAB-REPAIR");
	}

	@Test
	void aPriceOverTheLimitIsRefusedAndNothingChanges() {
		Response tooDear = api.put("manager", LIST, list(item("GOLD", 10_000_001L, "2026-01-01")));
		Response negative = api.put("manager", LIST, list(item("MINUS", -1L, "2026-01-01")));
		Response fractional = api.put("manager", LIST, list(item("HALF", 12.5, "2026-01-01")));

		assertThat(tooDear.status()).isEqualTo(400);
		assertThat(tooDear.body().toString()).contains("items[0].unitPriceFen");
		assertThat(negative.status()).isEqualTo(400);
		assertThat(fractional.status()).isEqualTo(400);
		assertThat(api.get("manager", LIST).body().get("items")).isEqualTo(original.get("items"));
	}

	@Test
	void onlyManagersAndAdministratorsChangeIt() {
		assertThat(api.put("tech01", LIST, original).status()).isEqualTo(403);
		assertThat(api.put("agent", LIST, original).status()).isEqualTo(403);
		assertThat(api.get("north-agent", LIST).status()).isEqualTo(404);
	}

	@Test
	void aPriceAppliesFromItsEffectiveDate() {
		String tomorrow = LocalDate.now().plusDays(2).toString();
		api.put("manager", LIST, list(item("LATER", 100L, tomorrow), item("NOW", 200L, "2020-01-01")));
		OnSite site = new OnSite(api);
		String number = site.pumpRoom();

		Response later = site.quote(number, "LATER", 1);
		Response now = site.quote(number, "NOW", 1);

		assertThat(later.status()).isEqualTo(400);
		assertThat(now.status()).isEqualTo(201);
	}

	@Test
	void theCsvExportImportsBackUnchanged() {
		String csv = new String(api.download("manager", LIST + ".csv").body(), java.nio.charset.StandardCharsets.UTF_8);

		Response imported = api.putCsv("manager", LIST, csv);

		assertThat(csv).startsWith("code,name,kind,unit,unitPriceFen,chargeable,effectiveFrom,effectiveTo\n")
			.contains("PIPE-20,20mm PPR 水管,MATERIAL,米,1250,true,");
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
		assertThat(imported.body().get("items")).isEqualTo(original.get("items"));
	}

	@Test
	void aBadCsvRowIsNamedAndNothingIsImported() {
		Response bad = api.putCsv("manager", LIST,
				"code,name,kind,unit,unitPriceFen,chargeable,effectiveFrom,effectiveTo\n"
						+ "OK,好的,LABOUR,次,100,true,2026-01-01,\n" + "BAD,坏的,GOLD,个,12.5,true,2026-01-01,\n");

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().toString()).contains("row 3");
		assertThat(api.get("manager", LIST).body().get("items")).isEqualTo(original.get("items"));
	}

	private Map<String, Object> list(Map<?, ?>... items) {
		return Map.of("rules", original.get("rules"), "items", List.of(items));
	}

	private static Map<String, Object> item(String code, Object fen, String from) {
		return Map.of("code", code, "name", code, "kind", "LABOUR", "unit", "次", "unitPriceFen", fen, "chargeable",
				true, "effectiveFrom", from);
	}

}
