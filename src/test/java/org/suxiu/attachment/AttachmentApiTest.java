package org.suxiu.attachment;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;

import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suxiu.ApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos and videos through the API: checked by content, cleaned of metadata, limited in
 * size and number, and visible only to people who may see the order.
 */
class AttachmentApiTest extends ApplicationTest {

	private static final String OWNER = "13800000001";

	private Multipart multipart;

	@BeforeEach
	void client() {
		multipart = new Multipart(port);
	}

	@Test
	void storesAnOwnersPhotoWithoutItsGpsPosition() throws Exception {
		String number = ownersLeak();

		HttpResponse<String> answer = upload(OWNER, number, "leak.jpg", "image/jpeg", TestImages.phonePhoto(64, 48, 1));

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		byte[] stored = download(OWNER, "/api/v1/attachments/" + firstId(answer)).body();
		Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored));
		assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
		assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(64);
	}

	@Test
	void turnsAPhoneHeldUprightPhotoTheRightWayUp() throws Exception {
		String number = ownersLeak();

		HttpResponse<String> answer = upload(OWNER, number, "tall.jpg", "image/jpeg", TestImages.phonePhoto(64, 48, 6));

		byte[] stored = download(OWNER, "/api/v1/attachments/" + firstId(answer)).body();
		var image = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(image.getWidth()).isEqualTo(48);
		assertThat(image.getHeight()).isEqualTo(64);
	}

	@Test
	void makesASmallThumbnail() throws Exception {
		String number = ownersLeak();
		HttpResponse<String> answer = upload(OWNER, number, "big.jpg", "image/jpeg", TestImages.jpeg(1600, 1200));

		HttpResponse<byte[]> thumbnail = download(OWNER, "/api/v1/attachments/" + firstId(answer) + "/thumbnail");

		assertThat(thumbnail.statusCode()).isEqualTo(200);
		assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		var image = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
		assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(320);
	}

	@Test
	void refusesARenamedExecutable() {
		String number = ownersLeak();

		HttpResponse<String> answer = upload(OWNER, number, "photo.jpg", "image/jpeg", TestImages.executable());

		assertThat(answer.statusCode()).isEqualTo(415);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(download(OWNER, "/api/v1/work-orders/" + number + "/attachments").body())).isEmpty();
	}

	@Test
	void refusesAPhotoOverTenMegabytes() {
		String number = ownersLeak();
		byte[] huge = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(TestImages.jpeg(8, 8), 0, huge, 0, 3);

		HttpResponse<String> answer = upload(OWNER, number, "huge.jpg", "image/jpeg", huge);

		assertThat(answer.statusCode()).isEqualTo(413);
	}

	@Test
	void acceptsAShortVideoByItsContent() {
		String number = ownersLeak();
		byte[] mp4 = new byte[2048];
		System.arraycopy("\0\0\0\u0018ftypisom".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, mp4, 0, 12);

		HttpResponse<String> answer = upload(OWNER, number, "clip.bin", "application/octet-stream", mp4);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		assertThat(json.readTree(answer.body()).get(0).get("mediaType").asString()).isEqualTo("video/mp4");
	}

	@Test
	void refusesATenthReportPhoto() {
		String number = ownersLeak();
		Multipart.Part photo = new Multipart.Part("p.jpg", "image/jpeg", TestImages.jpeg(16, 16));
		Multipart.Part[] nine = java.util.Collections.nCopies(9, photo).toArray(Multipart.Part[]::new);
		assertThat(multipart.upload(api.token(OWNER), path(number), nine).statusCode()).isEqualTo(201);

		HttpResponse<String> answer = upload(OWNER, number, "ten.jpg", "image/jpeg", TestImages.jpeg(16, 16));

		assertThat(answer.statusCode()).isEqualTo(422);
	}

	@Test
	void hidesAnOwnersPhotoFromAnotherOwnerAndAnotherTenant() {
		String number = ownersLeak();
		String id = firstId(upload(OWNER, number, "leak.jpg", "image/jpeg", TestImages.jpeg(32, 32)));

		assertThat(download("13800000002", "/api/v1/attachments/" + id).statusCode()).isEqualTo(404);
		assertThat(download("13800000002", "/api/v1/attachments/" + id + "/thumbnail").statusCode()).isEqualTo(404);
		assertThat(download("north-agent", "/api/v1/attachments/" + id).statusCode()).isEqualTo(404);
		assertThat(download("dispatcher", "/api/v1/attachments/" + id).statusCode()).isEqualTo(200);
	}

	@Test
	void letsOnlyTheAssignedTechnicianAddAfterPhotos() {
		String number = ownersLeak();
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech01"));

		HttpResponse<String> other = multipart.upload(api.token("tech02"), path(number) + "?purpose=AFTER",
				new Multipart.Part("after.jpg", "image/jpeg", TestImages.jpeg(16, 16)));
		HttpResponse<String> assigned = multipart.upload(api.token("tech01"), path(number) + "?purpose=AFTER",
				new Multipart.Part("after.jpg", "image/jpeg", TestImages.jpeg(16, 16)));

		// another technician may not even see the job (their own jobs only)
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(assigned.statusCode()).isEqualTo(201);
	}

	@Test
	void refusesSomebodyWhoMayNotAttachBeforeReadingTheFile() {
		String number = ownersLeak();

		HttpResponse<String> answer = multipart.upload(api.token("manager"), path(number),
				new Multipart.Part("not-a-photo.jpg", "image/jpeg", "#!/bin/sh\necho hi\n".getBytes()));

		// 403 for the role, not 415 for a file nobody should have parsed
		assertThat(answer.statusCode()).isEqualTo(403);
	}

	private String ownersLeak() {
		var created = api.post(OWNER, "/api/v1/work-orders", Requests.leakByOwnerApp());
		assertThat(created.status()).isEqualTo(201);
		return created.text("number");
	}

	private HttpResponse<String> upload(String user, String number, String name, String type, byte[] bytes) {
		return multipart.upload(api.token(user), path(number), new Multipart.Part(name, type, bytes));
	}

	private HttpResponse<byte[]> download(String user, String path) {
		return multipart.download(api.token(user), path);
	}

	private String firstId(HttpResponse<String> answer) {
		JsonNode body = json.readTree(answer.body());
		return body.get(0).get("id").asString();
	}

	private static String path(String number) {
		return "/api/v1/work-orders/" + number + "/attachments";
	}

}
