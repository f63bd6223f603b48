package org.suxiu.property;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform operator creates property companies with their first administrator, lists
 * and suspends them, and sees nothing inside any.
 */
class PlatformApiTest extends ApplicationTest {

	@BeforeEach
	void signIn() {
		OtherCompany.operator(api);
	}

	@Test
	void createsACompanyWhoseAdministratorSignsInAtOnce() {
		Response created = api.post("operator", "/api/v1/platform/companies",
				Map.of("name", "东方物业", "adminUsername", "east-admin", "adminPassword", "east-admin-password"));

		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		assertThat(created.text("name")).isEqualTo("东方物业");
		assertThat(api.signIn("east-admin", "east-admin-password")).isNotBlank();
		assertThat(api.get("east-admin", "/api/v1/projects").body().get("items")).isEmpty();
		assertThat(api.get("operator", "/api/v1/platform/companies")
			.body()
			.get("items")
			.valueStream()
			.map(c -> c.get("name").asString())).contains("东方物业", "示范物业", "北城物业");
	}

	@Test
	void refusesATakenAdministratorName() {
		Response taken = api.post("operator", "/api/v1/platform/companies",
				Map.of("name", "重名物业", "adminUsername", "admin", "adminPassword", "another-password"));

		assertThat(taken.status()).isEqualTo(409);
		assertThat(api.get("operator", "/api/v1/platform/companies")
			.body()
			.get("items")
			.valueStream()
			.map(c -> c.get("name").asString())).doesNotContain("重名物业");
	}

	@Test
	void aSuspendedCompanysStaffCannotSignIn() {
		String admin = OtherCompany.admin(api);
		long id = api.get("operator", "/api/v1/platform/companies")
			.body()
			.get("items")
			.valueStream()
			.filter(c -> c.get("name").asString().equals("别家物业"))
			.mapToLong(c -> c.get("id").asLong())
			.max()
			.orElseThrow();

		Response suspended = api.patch("operator", "/api/v1/platform/companies/" + id, Map.of("suspended", true));
		Response signIn = api.post(null, "/api/v1/auth/token",
				Map.of("username", admin, "password", OtherCompany.ADMIN_PASSWORD));
		// the token issued before the suspension stops working (access check, cached ≤ 5
		// s)
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> api.get(admin, "/api/v1/projects").status() == 401);
		Response restored = api.patch("operator", "/api/v1/platform/companies/" + id, Map.of("suspended", false));

		assertThat(suspended.body().get("suspended").asBoolean()).isTrue();
		assertThat(signIn.status()).isEqualTo(401);
		assertThat(restored.body().get("suspended").asBoolean()).isFalse();
		assertThat(api.signIn(admin, OtherCompany.ADMIN_PASSWORD)).isNotBlank();
	}

	@Test
	void theOperatorSeesNothingInsideACompany() {
		assertThat(api.get("operator", "/api/v1/work-orders").status()).isEqualTo(403);
		assertThat(api.get("operator", "/api/v1/projects").status()).isEqualTo(403);
		assertThat(api.get("operator", "/api/v1/technicians?projectCode=DEMO").status()).isEqualTo(403);
		assertThat(api.get("operator", "/api/v1/admin/messages").isProblem()).isTrue();
	}

	@Test
	void onlyTheOperatorManagesCompanies() {
		Response admin = api.get("admin", "/api/v1/platform/companies");
		Response create = api.post("admin", "/api/v1/platform/companies",
				Map.of("name", "x", "adminUsername", "x-admin", "adminPassword", "x-admin-password"));

		assertThat(admin.status()).isEqualTo(403);
		assertThat(admin.isProblem()).isTrue();
		assertThat(create.status()).isEqualTo(403);
	}

}
