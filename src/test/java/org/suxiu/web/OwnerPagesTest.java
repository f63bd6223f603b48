package org.suxiu.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.suxiu.attachment.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's pages on a phone-sized window.
 */
class OwnerPagesTest extends BrowserTest {

	@Test
	void reportsALeakWithAPhotoAndSeesItsTimeline() throws IOException {
		Path photo = Files.write(Files.createTempFile("leak-", ".jpg"), TestImages.phonePhoto(640, 480, 1));
		Browser owner = phone().signIn("13800000002");

		owner.click("a[href='/owner/report']");
		owner.select("#category", "PLUMBING");
		owner.type("#description", "卫生间天花板往下滴水");
		owner.find("#photos").sendKeys(photo.toString());
		owner.screenshot("owner-report");
		owner.find("#report").submit();

		owner.waitForText("已报修");
		assertThat(owner.url()).contains("/owner/orders/BX");
		assertThat(owner.has(".photos img")).isTrue();
		assertThat(owner.innerWidth()).isEqualTo(375);
		assertThat(owner.scrollsSideways()).isFalse();
		owner.screenshot("owner-order");
	}

	@Test
	void refusesARenamedExecutableOnTheReportPage() throws IOException {
		Path program = Files.write(Files.createTempFile("photo-", ".jpg"), TestImages.executable());
		Browser owner = phone().signIn("13800000002");

		owner.open("/owner/report");
		owner.select("#category", "PLUMBING");
		owner.type("#description", "水管漏水");
		owner.find("#photos").sendKeys(program.toString());
		owner.find("#report").submit();

		assertThat(owner.text("[role=alert]")).contains("JPEG");
		assertThat(owner.url()).endsWith("/owner/report");
	}

}
