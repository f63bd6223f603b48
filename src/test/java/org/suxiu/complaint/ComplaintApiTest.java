package org.suxiu.complaint;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Complaints (投诉) over the API: opened by the owner, the hotline or an unsatisfied
 * follow-up call; answered, resolved and closed only with the owner's confirmation or a
 * manager's override; their clocks escalate once; each step is in the order's history.
 */
class ComplaintApiTest extends ClockedApplicationTest {

	private static final String OWNER = "13800000001";

	private static final String TECHNICIAN = "tech06";

	@Autowired
	ComplaintTimers timers;

	@Autowired
	JdbcClient jdbc;

	/**
	 * tech06 repairs every order here, and other classes of the clocked context leave
	 * orders in their hands; the capacity they are given here is put back afterwards.
	 */
	@BeforeEach
	void roomForTheRepairs() {
		jdbc.sql(
				"UPDATE technician SET max_open_jobs = 1000 WHERE staff_id = (SELECT id FROM staff WHERE username = ?)")
			.param(TECHNICIAN)
			.update();
	}

	@AfterEach
	void usualCapacity() {
		jdbc.sql(
				"UPDATE technician SET max_open_jobs = NULL WHERE staff_id = (SELECT id FROM staff WHERE username = ?)")
			.param(TECHNICIAN)
			.update();
	}

	@Test
	void anOwnerComplainsOfTheirOrderAndASupervisorHasIt() {
		String number = ownersOrder();

		Response opened = complain(OWNER, number, "师傅态度很差，还弄脏了地板");

		assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
		assertThat(opened.location()).endsWith("/api/v1/complaints/" + opened.body().get("id").asLong());
		JsonNode complaint = opened.body();
		assertThat(complaint.get("status").asString()).isEqualTo("OPEN");
		assertThat(complaint.get("channel").asString()).isEqualTo("APP");
		assertThat(complaint.get("supervisor").get("name").asString()).isEqualTo("孙伟");
		assertThat(complaint.get("technicianId").asLong()).isPositive();
		assertThat(Duration.between(at(complaint.get("openedAt")), at(complaint.get("deadlines").get("respondBy"))))
			.isEqualTo(Duration.ofHours(24));
		assertThat(actions(number)).contains("complaint-open");
	}

	@Test
	void theResolveClockCountsWorkingDays() {
		ZonedDateTime friday = CLOCK.instant()
			.atZone(ZoneId.of("Asia/Shanghai"))
			.plusDays(1)
			.with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
			.with(LocalTime.of(15, 0));
		CLOCK.set(friday.toOffsetDateTime().toString());

		JsonNode complaint = complain(OWNER, ownersOrder(), "维修后墙面没有清理").body();

		ZonedDateTime resolveBy = at(complaint.get("deadlines").get("resolveBy"))
			.atZoneSameInstant(ZoneId.of("Asia/Shanghai"));
		assertThat(resolveBy.toLocalTime()).isEqualTo(LocalTime.of(15, 0));
		assertThat(resolveBy.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(resolveBy).isAfterOrEqualTo(friday.plusDays(5));
	}

	@Test
	void answeredResolvedAndClosedByTheOwnerWhoIsToldEachStep() {
		String number = ownersOrder();
		long id = complain(OWNER, number, "漏水没有修好").body().get("id").asLong();

		Response answered = step("supervisor", id, "respond", Map.of("note", "已联系业主，明天上门复查"));
		Response resolved = step("supervisor", id, "resolve", Map.of("resolution", "更换了角阀，已不再漏水"));
		Response closed = step(OWNER, id, "close", Map.of());

		assertThat(answered.text("status")).isEqualTo("RESPONDED");
		assertThat(resolved.text("status")).isEqualTo("RESOLVED");
		assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
		assertThat(closed.text("status")).isEqualTo("CLOSED");
		assertThat(closed.text("closedHow")).isEqualTo("OWNER_CONFIRMED");
		assertThat(closed.body().get("steps").valueStream().map(s -> s.get("action").asString()))
			.containsExactly("open", "respond", "resolve", "close");
		assertThat(actions(number)).contains("complaint-open", "complaint-respond", "complaint-resolve",
				"complaint-close");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(messages(number, "OWNER_COMPLAINT")).hasSizeGreaterThanOrEqualTo(4));
		assertThat(messages(number, "SUPERVISOR_COMPLAINT")).isNotEmpty();
	}

	@Test
	void onlyTheOwnerOrAManagerWithAReasonClosesIt() {
		long id = complain(OWNER, ownersOrder(), "师傅迟到两小时").body().get("id").asLong();
		step("supervisor", id, "resolve", Map.of("resolution", "已批评教育"));

		Response supervisor = step("supervisor", id, "close", Map.of());
		Response agentWithoutTheOwner = step("agent", id, "close", Map.of());
		Response managerWithoutReason = step("manager", id, "close", Map.of());
		Response otherOwner = step("13800000002", id, "close", Map.of());
		Response manager = step("manager", id, "close", Map.of("reason", "业主多次联系不上，按已解决处理"));

		assertThat(supervisor.status()).isEqualTo(403);
		assertThat(agentWithoutTheOwner.status()).isEqualTo(403);
		assertThat(managerWithoutReason.status()).isEqualTo(400);
		assertThat(otherOwner.status()).isEqualTo(404);
		assertThat(manager.text("closedHow")).isEqualTo("MANAGER_OVERRIDE");
	}

	@Test
	void anAgentRecordsTheOwnersConfirmationOnACall() {
		long id = complain("agent", ownersOrder(), "来电投诉：维修后又漏水").body().get("id").asLong();
		step("supervisor", id, "resolve", Map.of("resolution", "二次上门处理完毕"));

		Response closed = step("agent", id, "close", Map.of("ownerConfirmed", true));

		assertThat(closed.text("closedHow")).isEqualTo("CONFIRMED_ON_CALL");
	}

	@Test
	void theOwnerMayRefuseTheResolutionAndNotCloseBeforeIt() {
		long id = complain(OWNER, ownersOrder(), "噪音太大").body().get("id").asLong();

		Response early = step(OWNER, id, "close", Map.of());
		step("supervisor", id, "resolve", Map.of("resolution", "已处理"));
		Response refused = step(OWNER, id, "reject", Map.of("reason", "还是很吵"));

		assertThat(early.status()).isEqualTo(409);
		assertThat(refused.text("status")).isEqualTo("RESPONDED");
	}

	@Test
	void anUnansweredComplaintEscalatesOnceAfterADayToTheManager() {
		String number = ownersOrder();
		long id = complain(OWNER, number, "一直没人理").body().get("id").asLong();

		CLOCK.advance(Duration.ofHours(23));
		timers.fireDue();
		boolean early = get("supervisor", id).body().get("escalated").isEmpty();
		CLOCK.advance(Duration.ofHours(2));
		timers.fireDue();
		timers.fireDue();

		assertThat(early).isTrue();
		JsonNode complaint = get("supervisor", id).body();
		assertThat(complaint.get("escalated").valueStream().map(JsonNode::asString)).containsExactly("respond");
		assertThat(complaint.get("steps").valueStream().filter(s -> s.get("action").asString().equals("escalate")))
			.hasSize(1);
		assertThat(actions(number)).contains("complaint-escalate");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(messages(number, "STAFF_COMPLAINT_ESCALATED")).isNotEmpty());
	}

	@Test
	void anAnsweredComplaintDoesNotEscalateItsRespondClock() {
		long id = complain(OWNER, ownersOrder(), "维修太慢").body().get("id").asLong();
		step("supervisor", id, "respond", Map.of("note", "马上安排"));

		CLOCK.advance(Duration.ofHours(25));
		timers.fireDue();

		assertThat(get("supervisor", id).body().get("escalated")).isEmpty();
	}

	@Test
	void othersDoNotSeeItAndTechniciansHaveNoList() {
		long id = complain(OWNER, ownersOrder(), "收费不合理").body().get("id").asLong();

		assertThat(get("13800000002", id).status()).isEqualTo(404);
		assertThat(get("north-agent", id).status()).isEqualTo(404);
		assertThat(get(TECHNICIAN, id).status()).isEqualTo(404);
		assertThat(api.get(TECHNICIAN, "/api/v1/complaints").status()).isEqualTo(403);
		assertThat(ids(api.get("north-agent", "/api/v1/complaints?size=100"))).doesNotContain(id);
		assertThat(ids(api.get(OWNER, "/api/v1/complaints?size=100"))).contains(id);
		assertThat(ids(api.get("13800000002", "/api/v1/complaints?size=100"))).doesNotContain(id);
		assertThat(get("supervisor", id).body().get("complainant").get("phone").asString()).isEqualTo(OWNER);
		assertThat(get("admin", id).body().get("complainant").get("phone").asString()).isEqualTo("138****0001");
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		String number = ownersOrder();
		long before = count();

		assertThat(complain(OWNER, number, "").status()).isEqualTo(400);
		assertThat(api
			.post(OWNER, "/api/v1/complaints", Map.of("number", number, "description", "x", "channel", "FOLLOW_UP"))
			.status()).isEqualTo(400);
		assertThat(api.post("agent", "/api/v1/complaints", Map.of("projectCode", "NOPE", "description", "x")).status())
			.isEqualTo(404);
		assertThat(api.post("agent", "/api/v1/complaints", Map.of("projectCode", "DEMO", "description", "x")).status())
			.isEqualTo(400);
		assertThat(api
			.post("agent", "/api/v1/complaints",
					Map.of("projectCode", "DEMO", "description", "x", "complainant", Map.of("phone", "12345")))
			.status()).isEqualTo(400);
		assertThat(complain("13800000002", number, "不是我的单").status()).isEqualTo(404);
		assertThat(complain("tech01", number, "技术员不能投诉").status()).isEqualTo(403);
		assertThat(count()).isEqualTo(before);

		long id = complain(OWNER, number, "一直没人来").body().get("id").asLong();
		int version = get("supervisor", id).body().get("version").asInt();
		assertThat(step("supervisor", id, "assign", Map.of("supervisor", "tech01")).status()).isEqualTo(422);
		assertThat(step("supervisor", id, "respond", Map.of()).status()).isEqualTo(400);
		assertThat(step("supervisor", id, "respond", Map.of("note", "好的", "version", version + 1)).status())
			.isEqualTo(409);
		assertThat(step("supervisor", id, "resolve", Map.of("resolution", "x".repeat(1001))).status()).isEqualTo(400);
		assertThat(api.post("supervisor", "/api/v1/complaints/" + id + "/explode", Map.of()).status()).isEqualTo(404);
		assertThat(get("supervisor", id).body().get("version").asInt()).isEqualTo(version);
		assertThat(get("supervisor", id).text("status")).isEqualTo("OPEN");
	}

	@Test
	void aHotlineComplaintWithoutAnOrderNamesTheCaller() {
		Response opened = api.post("agent", "/api/v1/complaints", Map.of("projectCode", "DEMO", "description",
				"小区门口保安态度恶劣", "complainant", Map.of("name", "王芳", "phone", "13912345678")));

		assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
		assertThat(opened.text("channel")).isEqualTo("HOTLINE");
		assertThat(opened.body().get("complainant").get("name").asString()).isEqualTo("王芳");
	}

	@Test
	void anUnsatisfiedFollowUpCallOpensOneComplaint() {
		String number = ownersOrder();
		api.post(OWNER, "/api/v1/work-orders/" + number + "/accept", Map.of("rating", 5));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("agent", "/api/v1/follow-ups/" + number).status() == 200);

		Response call = api.post("agent", "/api/v1/follow-ups/" + number + "/calls",
				Map.of("outcome", "UNSATISFIED", "reason", "修好第二天又漏水了"));

		assertThat(call.status()).as(call.body().toString()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ids(api.get("supervisor", "/api/v1/complaints?number=" + number)).size() == 1);
		JsonNode complaint = api.get("supervisor", "/api/v1/complaints?number=" + number).body().get("items").get(0);
		assertThat(complaint.get("channel").asString()).isEqualTo("FOLLOW_UP");
		assertThat(complaint.get("description").asString()).contains("修好第二天又漏水了");
		assertThat(api.get("agent", "/api/v1/work-orders/" + number).text("status")).isEqualTo("CLOSED");
	}

	/** Owner 13800000001's leak, repaired by tech06. */
	private String ownersOrder() {
		Response created = api.post(OWNER, "/api/v1/work-orders", Requests.leakByOwnerApp());
		String number = created.text("number");
		assertThat(api
			.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", TECHNICIAN))
			.status()).isEqualTo(200);
		for (String action : List.of("take", "arrive", "start")) {
			api.post(TECHNICIAN, "/api/v1/work-orders/" + number + "/" + action, Map.of());
		}
		Response completed = api.post(TECHNICIAN, "/api/v1/work-orders/" + number + "/complete",
				Map.of("resolution", "已修好"));
		assertThat(completed.status()).as(completed.body().toString()).isEqualTo(200);
		return number;
	}

	private Response complain(String user, String number, String description) {
		return api.post(user, "/api/v1/complaints", Map.of("number", number, "description", description));
	}

	private Response step(String user, long id, String action, Map<String, ?> body) {
		return api.post(user, "/api/v1/complaints/" + id + "/" + action, body);
	}

	private Response get(String user, long id) {
		return api.get(user, "/api/v1/complaints/" + id);
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single();
	}

	private List<String> messages(String number, String kind) {
		return jdbc.sql("SELECT body FROM notification_message WHERE order_number = ? AND kind = ?")
			.params(number, kind)
			.query(String.class)
			.list();
	}

	private List<String> actions(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number)
			.body()
			.get("history")
			.valueStream()
			.map(line -> line.get("action").asString())
			.toList();
	}

	private static List<Long> ids(Response page) {
		assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
		return page.body().get("items").valueStream().map(item -> item.get("id").asLong()).toList();
	}

	private static OffsetDateTime at(JsonNode value) {
		return OffsetDateTime.parse(value.asString());
	}

}
