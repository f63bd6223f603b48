package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.ApplicationTest;
import org.suxiu.attachment.TestImages;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's pages refuse the other roles; what one may not see does not exist.
 */
class PageRolesTest extends ApplicationTest {

	@Test
	void ownerPagesRefuseStaff() {
		assertThat(new PageClient(port).signIn("tech01").get("/owner").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("agent").get("/owner/report").statusCode()).isEqualTo(403);
	}

	@Test
	void technicianPagesRefuseOwnersAndAgents() {
		assertThat(new PageClient(port).signIn("13800000001").get("/tech").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("agent").get("/tech").statusCode()).isEqualTo(403);
	}

	@Test
	void dispatcherConsoleRefusesAgentsTechniciansAndOwners() {
		assertThat(new PageClient(port).signIn("agent").get("/dispatch").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("tech01").get("/dispatch").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("13800000001").get("/dispatch").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("supervisor").get("/dispatch").statusCode()).isEqualTo(200);
	}

	@Test
	void planningPagesFollowTheirRoles() {
		assertThat(new PageClient(port).signIn("agent").get("/manager/what-if").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("dispatcher").get("/manager/what-if").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("supervisor").get("/manager/what-if").statusCode()).isEqualTo(200);
		assertThat(new PageClient(port).signIn("manager").get("/dispatch/day-plan").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("dispatcher").get("/dispatch/day-plan").statusCode()).isEqualTo(200);
		assertThat(new PageClient(port).signIn("tech01").get("/settings/grab-pool").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("manager")
			.get("/manager/what-if/" + java.util.UUID.randomUUID())
			.statusCode()).isEqualTo(404);
	}

	@Test
	void intakeConsoleRefusesDispatchersAndOwners() {
		assertThat(new PageClient(port).signIn("dispatcher").get("/agent").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("13800000002").get("/agent").statusCode()).isEqualTo(403);
	}

	@Test
	void refusesAFormPostedByTheWrongRole() {
		String number = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		PageClient technician = new PageClient(port).signIn("tech01");

		HttpResponse<String> answer = technician.submit("/tech", "/owner/orders/" + number + "/cancel",
				Map.of("reason", "不修了"));

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(api.get("agent", "/api/v1/work-orders/" + number).text("status")).isEqualTo("NEW");
	}

	@Test
	void refusesAnOwnersFormWithoutItsCsrfToken() {
		String number = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		PageClient owner = new PageClient(port).signIn("13800000001");

		HttpResponse<String> answer = owner.post("/owner/orders/" + number + "/cancel", Map.of("reason", "不修了"));

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(api.get("agent", "/api/v1/work-orders/" + number).text("status")).isEqualTo("NEW");
	}

	@Test
	void cancelsWithTheCsrfToken() {
		String number = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		PageClient owner = new PageClient(port).signIn("13800000001");

		owner.submit("/owner/orders/" + number, "/owner/orders/" + number + "/cancel", Map.of("reason", "自己修好了"));

		assertThat(api.get("agent", "/api/v1/work-orders/" + number).text("status")).isEqualTo("CANCELLED");
	}

	@Test
	void anotherOwnersOrderPageAndPhotoAnswer404() {
		String number = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		String photo = new org.suxiu.attachment.AttachmentUploads(port, json).photo(api.token("13800000001"), number,
				TestImages.jpeg(40, 30));
		PageClient other = new PageClient(port).signIn("13800000002");
		PageClient owner = new PageClient(port).signIn("13800000001");

		assertThat(other.get("/owner/orders/" + number).statusCode()).isEqualTo(404);
		assertThat(other.get("/files/" + photo).statusCode()).isEqualTo(404);
		assertThat(other.get("/files/" + photo + "/thumbnail").statusCode()).isEqualTo(404);
		assertThat(owner.get("/files/" + photo).statusCode()).isEqualTo(200);
	}

	@Test
	void letsOnlyTheAssignedTechnicianDialTheReporter() {
		String number = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech03"));

		HttpResponse<String> assigned = new PageClient(port).signIn("tech03").get("/tech/jobs/" + number + "/call");
		HttpResponse<String> other = new PageClient(port).signIn("tech04").get("/tech/jobs/" + number + "/call");

		assertThat(assigned.headers().firstValue("Location")).hasValue("tel:13800000001");
		// another technician may not see the job at all
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(new PageClient(port).signIn("tech03").get("/tech/jobs/" + number).body()).contains("138****0001")
			.doesNotContain("13800000001");
	}

}
