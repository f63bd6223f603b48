package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.ApplicationTest;
import org.suxiu.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in, CSRF and role areas of the pages, and that the API beside them stays
 * stateless.
 */
class PageSecurityTest extends ApplicationTest {

	@Test
	void sendsAnAnonymousVisitorToTheSignInPage() {
		HttpResponse<String> answer = new PageClient(port).get("/owner");

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void sendsEachRoleToItsOwnStartPage() {
		assertThat(startPageOf("13800000001")).endsWith("/owner");
		assertThat(startPageOf("tech01")).endsWith("/tech");
		assertThat(startPageOf("dispatcher")).endsWith("/dispatch");
		assertThat(startPageOf("agent")).endsWith("/agent");
	}

	@Test
	void refusesAWrongPasswordOnTheSignInPage() {
		PageClient browser = new PageClient(port);

		HttpResponse<String> answer = browser.submit("/login", "/login",
				Map.of("username", "agent", "password", "wrong"));

		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
	}

	@Test
	void refusesAFormPostedWithoutItsCsrfToken() {
		PageClient browser = new PageClient(port).signIn("13800000001");

		HttpResponse<String> answer = browser.post("/logout", Map.of());

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(browser.get("/owner").statusCode()).isEqualTo(200);
	}

	@Test
	void refusesASignInWithoutItsCsrfToken() {
		HttpResponse<String> answer = new PageClient(port).post("/login",
				Map.of("username", "agent", "password", "demo123"));

		assertThat(answer.statusCode()).isEqualTo(403);
	}

	@Test
	void signsOutWithTheToken() {
		PageClient browser = new PageClient(port).signIn("agent");

		browser.submit("/agent", "/logout", Map.of());

		assertThat(browser.get("/agent").statusCode()).isEqualTo(302);
	}

	@Test
	void keepsTheApiStatelessBesideThePages() {
		Response answer = api.get("agent", "/api/v1/work-orders?size=1");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(api.getWithAuthorization(null, "/api/v1/work-orders").isProblem()).isTrue();
	}

	@Test
	void speaksChineseByDefaultAndEnglishOnRequest() {
		PageClient browser = new PageClient(port);

		assertThat(browser.get("/login").body()).contains("<html lang=\"zh-CN\"", "登录");
		assertThat(browser.get("/login?lang=en").body()).contains("<html lang=\"en\"", "Sign in");
		assertThat(browser.get("/login").body()).as("the choice is kept").contains("Sign in");
	}

	private String startPageOf(String username) {
		return new PageClient(port).signIn(username).get("/").headers().firstValue("Location").orElseThrow();
	}

}
