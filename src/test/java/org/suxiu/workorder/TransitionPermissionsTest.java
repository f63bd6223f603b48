package org.suxiu.workorder;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.suxiu.workorder.Journeys.OTHER_OWNER;
import static org.suxiu.workorder.Journeys.OWNER;
import static org.suxiu.workorder.Status.ACCEPTED;
import static org.suxiu.workorder.Status.ARRIVED;
import static org.suxiu.workorder.Status.CANCELLED;
import static org.suxiu.workorder.Status.CLOSED;
import static org.suxiu.workorder.Status.COMPLETED;
import static org.suxiu.workorder.Status.DISPATCHED;
import static org.suxiu.workorder.Status.IN_PROGRESS;
import static org.suxiu.workorder.Status.NEW;
import static org.suxiu.workorder.Status.ON_HOLD;
import static org.suxiu.workorder.Status.TAKEN;

/**
 * The transitions table of the public contract: who may take each action, from which
 * status, with which body; orders are worked by tech01 and reported for owner
 * 13800000001.
 */
class TransitionPermissionsTest extends ApplicationTest {

	private static final Map<String, Object> NONE = Map.of();

	private static final Map<String, Object> TO_TECH02 = Map.of("technicianId", "tech02");

	private static final Map<String, Object> REASON = Map.of("reason", "测试原因");

	private static final Map<String, Object> RESOLUTION = Map.of("resolution", "更换阀芯");

	private static final Map<String, Object> RATING = Map.of("rating", 4, "comment", "还行");

	private static final Map<String, Object> SATISFIED = Map.of("satisfied", true);

	private static final Map<String, Object> TO_L2 = Map.of("grade", "L2", "reason", "影响楼下住户");

	private Journeys journeys;

	@BeforeEach
	void journeys() {
		journeys = new Journeys(api);
	}

	static Stream<Arguments> permittedMoves() {
		return Stream.of(arguments("dispatch", "dispatcher", NEW, TO_TECH02, DISPATCHED),
				arguments("dispatch", "supervisor", NEW, TO_TECH02, DISPATCHED),
				arguments("dispatch", "dispatcher", DISPATCHED, TO_TECH02, DISPATCHED),
				arguments("dispatch", "supervisor", DISPATCHED, TO_TECH02, DISPATCHED),
				arguments("take", "tech01", DISPATCHED, NONE, TAKEN),
				arguments("decline", "tech01", DISPATCHED, REASON, NEW),
				arguments("arrive", "tech01", TAKEN, NONE, ARRIVED),
				arguments("start", "tech01", ARRIVED, NONE, IN_PROGRESS),
				arguments("hold", "tech01", IN_PROGRESS, REASON, ON_HOLD),
				arguments("hold", "supervisor", IN_PROGRESS, REASON, ON_HOLD),
				arguments("resume", "tech01", ON_HOLD, NONE, IN_PROGRESS),
				arguments("resume", "supervisor", ON_HOLD, NONE, IN_PROGRESS),
				arguments("complete", "tech01", IN_PROGRESS, RESOLUTION, COMPLETED),
				arguments("accept", OWNER, COMPLETED, RATING, ACCEPTED),
				arguments("accept", "agent", COMPLETED, RATING, ACCEPTED),
				arguments("reopen", OWNER, COMPLETED, REASON, CLOSED),
				arguments("reopen", "agent", COMPLETED, REASON, CLOSED),
				arguments("follow-up", "agent", ACCEPTED, SATISFIED, CLOSED),
				arguments("cancel", OWNER, NEW, REASON, CANCELLED),
				arguments("cancel", OWNER, DISPATCHED, REASON, CANCELLED),
				arguments("cancel", "agent", NEW, REASON, CANCELLED),
				arguments("cancel", "agent", DISPATCHED, REASON, CANCELLED),
				arguments("cancel", "dispatcher", NEW, REASON, CANCELLED),
				arguments("cancel", "dispatcher", DISPATCHED, REASON, CANCELLED));
	}

	@ParameterizedTest(name = "{0} by {1} moves {2} to {4}")
	@MethodSource("permittedMoves")
	void allowsTheActionToTheRoleOrPersonTheContractNames(String action, String user, Status from,
			Map<String, Object> body, Status to) {
		String number = journeys.orderIn(from);

		Response response = journeys.act(user, number, action, body);

		assertThat(response.status()).as("%s", response.body()).isIn(200, 201);
		assertThat(journeys.statusOf(number)).isEqualTo(to.name());
	}

	@ParameterizedTest(name = "by {0}")
	@ValueSource(strings = { "agent", "dispatcher", "supervisor" })
	void allowsRegradeWithAReason(String user) {
		String number = journeys.orderIn(NEW);

		Response response = journeys.act(user, number, "regrade", TO_L2);

		assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
		assertThat(response.text("grade")).isEqualTo("L2");
		assertThat(response.text("gradeSource")).isEqualTo("MANUAL");
		assertThat(response.text("status")).isEqualTo("NEW");
	}

	@Test
	void redispatchHandsTheJobToTheNewTechnician() {
		String number = journeys.orderIn(DISPATCHED);

		Response response = journeys.act("dispatcher", number, "dispatch", TO_TECH02);

		assertThat(response.body().get("assignee").get("name").asString()).isEqualTo("刘师傅");
	}

	static Stream<Arguments> wrongRoles() {
		return Stream.of(arguments("dispatch", "agent", NEW, TO_TECH02),
				arguments("dispatch", "manager", NEW, TO_TECH02), arguments("dispatch", "admin", NEW, TO_TECH02),
				arguments("dispatch", "tech01", DISPATCHED, TO_TECH02), arguments("dispatch", OWNER, NEW, TO_TECH02),
				arguments("take", "dispatcher", DISPATCHED, NONE), arguments("take", "supervisor", DISPATCHED, NONE),
				arguments("decline", "agent", DISPATCHED, REASON),
				arguments("decline", "dispatcher", DISPATCHED, REASON), arguments("arrive", "supervisor", TAKEN, NONE),
				arguments("start", "dispatcher", ARRIVED, NONE), arguments("hold", "dispatcher", IN_PROGRESS, REASON),
				arguments("hold", "agent", IN_PROGRESS, REASON), arguments("resume", "dispatcher", ON_HOLD, NONE),
				arguments("complete", "supervisor", IN_PROGRESS, RESOLUTION),
				arguments("complete", "dispatcher", IN_PROGRESS, RESOLUTION),
				arguments("accept", "manager", COMPLETED, RATING), arguments("accept", "dispatcher", COMPLETED, RATING),
				arguments("accept", "supervisor", COMPLETED, RATING), arguments("accept", "tech01", COMPLETED, RATING),
				arguments("reopen", "dispatcher", COMPLETED, REASON), arguments("reopen", "tech01", COMPLETED, REASON),
				arguments("reopen", "manager", COMPLETED, REASON),
				arguments("follow-up", "dispatcher", ACCEPTED, SATISFIED),
				arguments("follow-up", "supervisor", ACCEPTED, SATISFIED),
				arguments("follow-up", OWNER, ACCEPTED, SATISFIED), arguments("cancel", "supervisor", NEW, REASON),
				arguments("cancel", "manager", NEW, REASON), arguments("cancel", "tech01", DISPATCHED, REASON),
				arguments("regrade", "manager", NEW, TO_L2), arguments("regrade", "admin", NEW, TO_L2),
				arguments("regrade", "tech01", DISPATCHED, TO_L2), arguments("regrade", OWNER, NEW, TO_L2));
	}

	@ParameterizedTest(name = "{0} by {1} on {2}")
	@MethodSource("wrongRoles")
	void refusesTheActionToAWrongRoleOfTheSameTenant(String action, String user, Status from,
			Map<String, Object> body) {
		String number = journeys.orderIn(from);

		Response response = journeys.act(user, number, action, body);

		assertForbidden(response);
		assertThat(journeys.statusOf(number)).isEqualTo(from.name());
	}

	static Stream<Arguments> anotherTechniciansJob() {
		return Stream.of(arguments("take", DISPATCHED, NONE), arguments("decline", DISPATCHED, REASON),
				arguments("arrive", TAKEN, NONE), arguments("start", ARRIVED, NONE),
				arguments("hold", IN_PROGRESS, REASON), arguments("resume", ON_HOLD, NONE),
				arguments("complete", IN_PROGRESS, RESOLUTION));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("anotherTechniciansJob")
	void answersNotFoundOnAnotherTechniciansJob(String action, Status from, Map<String, Object> body) {
		String number = journeys.orderIn(from);

		Response response = journeys.act("tech02", number, action, body);

		// technicians see their own jobs only: another's does not exist for them
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.isProblem()).isTrue();
		assertThat(journeys.statusOf(number)).isEqualTo(from.name());
	}

	static Stream<Arguments> anotherOwnersOrder() {
		return Stream.of(arguments("accept", COMPLETED, RATING), arguments("reopen", COMPLETED, REASON),
				arguments("cancel", NEW, REASON), arguments("follow-up", ACCEPTED, SATISFIED));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("anotherOwnersOrder")
	void answersNotFoundToAnOwnerActingOnAnotherOwnersOrder(String action, Status from, Map<String, Object> body) {
		String number = journeys.ownerReportIn(from);

		Response response = journeys.act(OTHER_OWNER, number, action, body);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.problemType()).isEqualTo("not-found");
		assertThat(journeys.statusOf(number)).isEqualTo(from.name());
	}

	static Stream<Arguments> wrongStatuses() {
		return Stream.of(arguments("dispatch", "dispatcher", TAKEN, TO_TECH02),
				arguments("dispatch", "supervisor", COMPLETED, TO_TECH02),
				arguments("dispatch", "dispatcher", CANCELLED, TO_TECH02), arguments("take", "tech01", TAKEN, NONE),
				arguments("take", "tech01", ARRIVED, NONE), arguments("decline", "tech01", TAKEN, REASON),
				arguments("arrive", "tech01", DISPATCHED, NONE), arguments("arrive", "tech01", ARRIVED, NONE),
				arguments("start", "tech01", TAKEN, NONE), arguments("hold", "tech01", ON_HOLD, REASON),
				arguments("hold", "supervisor", ARRIVED, REASON), arguments("resume", "tech01", IN_PROGRESS, NONE),
				arguments("resume", "supervisor", IN_PROGRESS, NONE),
				arguments("complete", "tech01", TAKEN, RESOLUTION),
				arguments("complete", "tech01", ON_HOLD, RESOLUTION), arguments("accept", OWNER, IN_PROGRESS, RATING),
				arguments("accept", "agent", ACCEPTED, RATING), arguments("reopen", OWNER, CANCELLED, REASON),
				arguments("reopen", "agent", IN_PROGRESS, REASON),
				arguments("follow-up", "agent", COMPLETED, SATISFIED),
				arguments("follow-up", "agent", CLOSED, SATISFIED), arguments("cancel", "agent", TAKEN, REASON),
				arguments("cancel", "dispatcher", IN_PROGRESS, REASON), arguments("cancel", OWNER, COMPLETED, REASON),
				arguments("cancel", "agent", CANCELLED, REASON), arguments("regrade", "dispatcher", CANCELLED, TO_L2),
				arguments("regrade", "agent", CLOSED, TO_L2));
	}

	@ParameterizedTest(name = "{0} by {1} on {2}")
	@MethodSource("wrongStatuses")
	void refusesTheActionFromAWrongStatus(String action, String user, Status from, Map<String, Object> body) {
		String number = journeys.orderIn(from);

		Response response = journeys.act(user, number, action, body);

		assertIllegalTransition(response);
		assertThat(journeys.statusOf(number)).isEqualTo(from.name());
	}

	@Test
	void refusesTakeOfATakenJobAsAnIllegalTransition() {
		String number = journeys.orderIn(TAKEN);

		Response response = journeys.act("tech01", number, "take", NONE);

		assertIllegalTransition(response);
	}

	static Stream<Arguments> incompleteBodies() {
		return Stream.of(arguments("decline", "tech01", DISPATCHED, NONE, "reason"),
				arguments("decline", "tech01", DISPATCHED, Map.of("reason", "  "), "reason"),
				arguments("hold", "tech01", IN_PROGRESS, NONE, "reason"),
				arguments("hold", "supervisor", IN_PROGRESS, Map.of("note", "没有原因"), "reason"),
				arguments("cancel", "agent", NEW, NONE, "reason"), arguments("cancel", OWNER, NEW, NONE, "reason"),
				arguments("reopen", OWNER, COMPLETED, NONE, "reason"),
				arguments("reopen", "agent", COMPLETED, NONE, "reason"),
				arguments("complete", "tech01", IN_PROGRESS, NONE, "resolution"),
				arguments("complete", "tech01", IN_PROGRESS, Map.of("note", "修好了"), "resolution"),
				arguments("accept", OWNER, COMPLETED, Map.of("rating", 0), "rating"),
				arguments("accept", OWNER, COMPLETED, Map.of("rating", 6), "rating"),
				arguments("accept", "agent", COMPLETED, NONE, "rating"),
				arguments("follow-up", "agent", ACCEPTED, NONE, "satisfied"),
				arguments("dispatch", "dispatcher", NEW, NONE, "technicianId"),
				arguments("dispatch", "dispatcher", NEW, Map.of("technicianId", "tech99"), "technicianId"),
				arguments("dispatch", "dispatcher", NEW, Map.of("technicianId", "agent"), "technicianId"),
				arguments("dispatch", "supervisor", NEW, Map.of("technicianId", "north-tech01"), "technicianId"),
				arguments("regrade", "dispatcher", NEW, Map.of("grade", "L2"), "reason"),
				arguments("regrade", "dispatcher", NEW, REASON, "grade"));
	}

	@ParameterizedTest(name = "{0} by {1} with {3}")
	@MethodSource("incompleteBodies")
	void refusesTheActionWithoutItsRequiredBody(String action, String user, Status from, Map<String, Object> body,
			String field) {
		String number = journeys.orderIn(from);

		Response response = journeys.act(user, number, action, body);

		assertInvalid(response, field);
		assertThat(journeys.statusOf(number)).isEqualTo(from.name());
	}

	@Test
	void refusesDispatchToAnotherTenantsTechnicianGivenById() {
		String northTechnicianId = northTechnicianId();
		String number = journeys.orderIn(NEW);

		Response response = journeys.act("dispatcher", number, "dispatch", Map.of("technicianId", northTechnicianId));

		assertInvalid(response, "technicianId");
		assertThat(journeys.statusOf(number)).isEqualTo("NEW");
	}

	private String northTechnicianId() {
		String north = journeys.northOrder();
		Response dispatched = journeys.act("north-dispatcher", north, "dispatch",
				Map.of("technicianId", "north-tech01"));
		assertThat(dispatched.status()).as("%s", dispatched.body()).isEqualTo(200);
		return dispatched.body().get("assignee").get("id").asString();
	}

	private static void assertForbidden(Response response) {
		assertThat(response.status()).as("%s", response.body()).isEqualTo(403);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.problemType()).isEqualTo("forbidden");
	}

	private static void assertIllegalTransition(Response response) {
		assertThat(response.status()).as("%s", response.body()).isEqualTo(409);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.problemType()).isEqualTo("illegal-transition");
	}

	private static void assertInvalid(Response response, String field) {
		assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.body().get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
	}

}
