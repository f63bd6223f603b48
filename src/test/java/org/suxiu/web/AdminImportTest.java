package org.suxiu.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing homes and owners from CSV on the administration page.
 */
class AdminImportTest extends ApplicationTest {

	private static final String CSV = """
			楼栋,单元,房号,业主姓名,业主手机
			7,1,101,赵六,13911110001
			7,1,102,钱七,13911110002
			7,2,1801,,
			""";

	@Test
	void importsHomesAndOwnersWhoCanThenBeFound() {
		PageClient admin = new PageClient(port).signIn("admin");

		HttpResponse<String> answer = upload(admin, CSV);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("id=\"import-result\"");
		assertThat(new PageClient(port).signIn("agent").get("/agent/lookup?q=13911110001").body()).contains("赵六",
				"7-1-101");
	}

	@Test
	void importingTheSameFileTwiceCreatesNothingTwice() {
		PageClient admin = new PageClient(port).signIn("admin");
		upload(admin, CSV.replace("1391111", "1392222").replace("7,", "8,"));

		HttpResponse<String> again = upload(admin, CSV.replace("1391111", "1392222").replace("7,", "8,"));

		assertThat(again.body()).contains("新建楼栋 0 栋、房屋 0 套、业主 0 位、业主与房屋关联 0 条");
	}

	@Test
	void refusesAFileWithABadRowAndImportsNothing() {
		PageClient admin = new PageClient(port).signIn("admin");
		String bad = """
				building,unit,room,owner_name,owner_phone
				9,1,101,孙八,13933330001
				9,1,102,李九,12345
				""";

		HttpResponse<String> answer = upload(admin, bad);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("row 3");
		assertThat(new PageClient(port).signIn("agent").get("/agent/lookup?q=13933330001").body()).doesNotContain("孙八");
	}

	@Test
	void isForAdministratorsOnly() {
		PageClient manager = new PageClient(port).signIn("manager");

		assertThat(manager.get("/admin").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("admin").get("/").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
	}

	private static HttpResponse<String> upload(PageClient admin, String csv) {
		return admin.upload("/admin", "/admin/homes", Map.of("project", "DEMO"), "file", "homes.csv",
				csv.getBytes(StandardCharsets.UTF_8));
	}

}
