package org.suxiu.triage;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suxiu.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.ApplicationTest;
import org.suxiu.shared.NotFound;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The hybrid grader through the API: the explanation, any text graded without a 5xx,
 * regrades learned per tenant, and the exemplar library.
 */
class TriageApiTest extends ApplicationTest {

	@Autowired
	ExemplarLibrary library;

	@Autowired
	JdbcClient jdbc;

	@Test
	void previewExplainsTheGradeWithRuleFloorProbabilitiesAndNeighbours() {
		Response preview = api.post("agent", "/api/v1/triage/preview",
				Map.of("category", "ELEVATOR", "description", "3号楼电梯困人，里面关着两个老人"));

		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.text("grade")).isEqualTo("L1");
		assertThat(preview.body().get("floor").get("grade").asString()).isEqualTo("L1");
		assertThat(preview.body().get("matched")).isNotEmpty();
		JsonNode p = preview.body().get("probabilities");
		double sum = p.get("L1").asDouble() + p.get("L2").asDouble() + p.get("L3").asDouble() + p.get("L4").asDouble();
		assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(preview.body().get("neighbours")).hasSize(3);
		assertThat(preview.body().get("neighbours").get(0).get("similarity").asDouble()).isBetween(0.0, 1.0);
		assertThat(preview.body().get("uncertain").isBoolean()).isTrue();
	}

	@Test
	void anEmergencyToldByItsConsequenceIsL1WithoutAnyRulePhrase() {
		Response preview = api.post("agent", "/api/v1/triage/preview",
				Map.of("category", "PUBLIC_FACILITY", "description", "东门旁边那条小路上的井盖不见了，晚上黑乎乎的，刚才有个老人差点踩进去"));

		assertThat(preview.text("grade")).isEqualTo("L1");
	}

	@Test
	void aFeeQuestionMentioningTheLiftIsNotAnEmergency() {
		Response preview = api.post("agent", "/api/v1/triage/preview",
				Map.of("category", "OTHER", "description", "请问电梯年检的费用是业主分摊还是物业出？"));

		assertThat(preview.text("grade")).isEqualTo("L4");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "🔥🔥🔥🆘", "\u0007\u0001漏水\u0000\u001b[31m", "المصعد عالق وفيه أشخاص",
			"ลิฟต์ค้าง มีคนติดอยู่ข้างใน", "\uD83D", "a" })
	void gradesAnyTextWithoutAServerError(String description) {
		Response preview = api.post("agent", "/api/v1/triage/preview",
				Map.of("category", "OTHER", "description", description));

		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.text("grade")).matches("L[1-4]");
	}

	@Test
	void aVeryLongDescriptionIsCutAtTheFieldLimitAndGraded() {
		String story = "我们家楼上装修了大半年，天天电钻响，".repeat(400) + "刚才厨房闻到很重的煤气味";

		Response preview = api.post("agent", "/api/v1/triage/preview",
				Map.of("category", "OTHER", "description", story));

		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.text("grade")).matches("L[1-4]");
	}

	@Test
	void aRegradeWithAReasonGradesTheTenantsNextOrderButNoOtherTenants() {
		String text = "会所游泳池的循环泵声音很怪，隔一阵响一下，编号" + UUID.randomUUID().toString().substring(0, 6);
		Response order = api.post("agent", "/api/v1/work-orders",
				Requests.hotline("PUBLIC_FACILITY", text, Requests.area("地下车库")));
		String before = order.text("grade");
		String other = before.equals("L1") ? "L2" : "L1";

		Response regraded = api.post("dispatcher", "/api/v1/work-orders/" + order.text("number") + "/regrade",
				Map.of("grade", other, "reason", "泵房设备异响按本公司规定加急处理"));
		Response next = api.post("agent", "/api/v1/triage/preview",
				Map.of("category", "PUBLIC_FACILITY", "description", text));
		Response north = api.post("north-agent", "/api/v1/triage/preview",
				Map.of("category", "PUBLIC_FACILITY", "description", text));
		Response learned = api.get("admin", "/api/v1/triage/exemplars?source=REGRADE&size=500");

		assertThat(regraded.status()).isEqualTo(200);
		assertThat(regraded.body().get("gradeUncertain").asBoolean()).isFalse();
		assertThat(next.text("grade")).isEqualTo(other);
		assertThat(north.text("grade")).isEqualTo(before);
		assertThat(learned.body().get("items").findValuesAsString("text")).contains(text);
	}

	@Test
	void anOrdersGradeExplanationIsShownToStaffAndNotToTheOwner() {
		Response created = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp());
		String number = created.text("number");

		Response staff = api.get("agent", "/api/v1/work-orders/" + number);
		Response owner = api.get("13800000001", "/api/v1/work-orders/" + number);

		assertThat(staff.body().get("gradeExplanation").get("probabilities")).isNotNull();
		assertThat(staff.body().has("gradeUncertain")).isTrue();
		assertThat(owner.body().has("gradeExplanation")).isFalse();
	}

	@Test
	void listsShippedExemplarsAndHidesOneForTheTenantOnly() {
		Response page = api.get("admin", "/api/v1/triage/exemplars?source=SHIPPED&grade=L4&size=5");
		String id = page.body().get("items").get(0).get("id").asString();

		Response removed = api.delete("admin", "/api/v1/triage/exemplars/" + id);
		Response after = api.get("admin", "/api/v1/triage/exemplars?source=SHIPPED&grade=L4&size=500");

		assertThat(page.body().get("total").asInt()).isGreaterThan(300);
		assertThat(page.body().get("items")).hasSize(5);
		assertThat(page.body().get("items").get(0).get("source").asString()).isEqualTo("SHIPPED");
		assertThat(removed.status()).isEqualTo(204);
		assertThat(after.body().get("items").findValuesAsString("id")).doesNotContain(id);
	}

	@Test
	void importsAllLinesOrNoneAndExportsThem() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String bad = "{\"text\":\"地库" + tag
				+ "号车位地锁坏了\",\"grade\":\"L3\"}\n{\"text\":\"x\",\"grade\":\"L9\"}\nnot json";
		String good = "{\"text\":\"地库" + tag + "号车位地锁坏了\",\"grade\":\"L3\",\"category\":\"PUBLIC_FACILITY\"}\n";

		Response refused = api.post("admin", "/api/v1/triage/exemplars/import", bad);
		Response exportBefore = api.get("admin", "/api/v1/triage/exemplars/export");
		Response imported = api.post("admin", "/api/v1/triage/exemplars/import", good);
		Response exportAfter = api.get("admin", "/api/v1/triage/exemplars/export");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().toString()).contains("line 2").contains("line 3");
		assertThat(exportBefore.body().toString()).doesNotContain(tag);
		assertThat(imported.body().get("imported").asInt()).isEqualTo(1);
		assertThat(exportAfter.body().toString()).contains(tag);
	}

	@Test
	void anotherTenantsExemplarIsNotFound() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		api.post("admin", "/api/v1/triage/exemplars/import",
				"{\"text\":\"会所" + tag + "门口的地垫翘起来了\",\"grade\":\"L3\"}\n");
		String id = api.get("admin", "/api/v1/triage/exemplars?source=IMPORT&size=500")
			.body()
			.get("items")
			.get(0)
			.get("id")
			.asString();

		long north = jdbc.sql("SELECT tenant_id FROM project WHERE code = 'NORTH'").query(Long.class).single();

		Throwable fromNorth = catchThrowable(() -> library.remove(north, id, "north-admin"));
		Response unknown = api.delete("admin", "/api/v1/triage/exemplars/nonsense");

		assertThat(fromNorth).isInstanceOf(NotFound.class);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.isProblem()).isTrue();
		assertThat(api.get("admin", "/api/v1/triage/exemplars?source=IMPORT&size=500")
			.body()
			.get("items")
			.findValuesAsString("id")).contains(id);
	}

	@Test
	void onlyAdministratorsAndManagersSeeTheExemplars() {
		assertThat(api.get("agent", "/api/v1/triage/exemplars").status()).isEqualTo(403);
		assertThat(api.get("manager", "/api/v1/triage/exemplars").status()).isEqualTo(200);
		assertThat(api.post("13800000001", "/api/v1/triage/preview", Map.of("description", "漏水")).status())
			.isEqualTo(403);
	}

}
