package org.suxiu.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;
import org.suxiu.wechat.WechatStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint WeChat's server calls, {@code GET|POST /wechat/callback}: only calls
 * signed with our token, with a fresh timestamp and a nonce never seen are answered; the
 * text 报修 and the menu's report button get the report link as a passive reply.
 */
class WechatCallbackTest extends NotificationTest {

	private static final AtomicInteger NONCES = new AtomicInteger();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theServerCheckIsAnsweredWithEchostr() {
		String timestamp = now();
		String nonce = nonce();

		HttpResponse<String> answer = get(WechatStub.sign(WechatStub.TOKEN, timestamp, nonce), timestamp, nonce,
				"echo-123");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("echo-123");
	}

	@Test
	void aBadSignatureIsRefusedAndLeavesNothingBehind() {
		String timestamp = now();
		String nonce = nonce();
		long noncesBefore = storedNonces();

		HttpResponse<String> forged = get(WechatStub.sign("not-our-token", timestamp, nonce), timestamp, nonce, "x");
		HttpResponse<String> unsigned = post(null, timestamp, nonce, text("oFollower", "报修"));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(forged.body()).contains("wechat-signature-invalid").doesNotContain("x\"");
		assertThat(unsigned.statusCode()).isEqualTo(403);
		assertThat(storedNonces()).isEqualTo(noncesBefore);
		// the nonce was not used up by the forged call
		assertThat(get(WechatStub.sign(WechatStub.TOKEN, timestamp, nonce), timestamp, nonce, "x").statusCode())
			.isEqualTo(200);
	}

	@Test
	void aReplayedCallbackIsRefused() {
		String timestamp = now();
		String nonce = nonce();
		String signature = WechatStub.sign(WechatStub.TOKEN, timestamp, nonce);

		HttpResponse<String> first = post(signature, timestamp, nonce, text("oFollower", "报修"));
		HttpResponse<String> replay = post(signature, timestamp, nonce, text("oFollower", "报修"));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(replay.statusCode()).isEqualTo(403);
		assertThat(replay.body()).contains("wechat-callback-replayed");
	}

	@Test
	void aStaleTimestampIsRefused() {
		String timestamp = String.valueOf(CLOCK.instant().minus(Duration.ofMinutes(6)).getEpochSecond());
		String nonce = nonce();

		HttpResponse<String> stale = post(WechatStub.sign(WechatStub.TOKEN, timestamp, nonce), timestamp, nonce,
				text("oFollower", "报修"));

		assertThat(stale.statusCode()).isEqualTo(403);
		assertThat(stale.body()).contains("wechat-callback-stale");
	}

	@Test
	void theText报修IsAnsweredWithTheReportLink() {
		HttpResponse<String> reply = signedPost(text("oFollower", " 我要报修 "));

		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
		assertThat(reply.body()).contains("<ToUserName><![CDATA[oFollower]]></ToUserName>",
				"<FromUserName><![CDATA[gh_suxiu]]></FromUserName>", "<MsgType><![CDATA[text]]></MsgType>", "点这里报修",
				"To report a repair", "https://repair.example.com/login/wechat?next=%2Fowner%2Freport",
				"<CreateTime>" + CLOCK.instant().getEpochSecond() + "</CreateTime>");
	}

	@Test
	void inSafeModeTheMessageAndTheReplyAreEncrypted() {
		WxCryptUtil crypt = new WxCryptUtil(WechatStub.TOKEN, WechatStub.AES_KEY, WechatStub.APP_ID);
		String cipher = crypt.encrypt("r4nd0mr4nd0mr4nd", text("oSafe", "报修"));
		String timestamp = now();
		String nonce = nonce();
		String body = "<xml><ToUserName><![CDATA[gh_suxiu]]></ToUserName><Encrypt><![CDATA[" + cipher
				+ "]]></Encrypt></xml>";

		HttpResponse<String> reply = send(HttpRequest
			.newBuilder(URI.create(uri(WechatStub.sign(WechatStub.TOKEN, timestamp, nonce), timestamp, nonce)
					+ "&encrypt_type=aes&msg_signature=" + SHA1.gen(WechatStub.TOKEN, timestamp, nonce, cipher)))
			.header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
		HttpResponse<String> tampered = send(HttpRequest
			.newBuilder(
					URI.create(uri(WechatStub.sign(WechatStub.TOKEN, timestamp, nonce + "b"), timestamp, nonce + "b")
							+ "&encrypt_type=aes&msg_signature=0000"))
			.header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.body()).contains("<Encrypt>").doesNotContain("报修");
		String plain = crypt.decryptXml(field(reply.body(), "MsgSignature"), field(reply.body(), "TimeStamp"),
				field(reply.body(), "Nonce"), reply.body());
		assertThat(plain).contains("<ToUserName><![CDATA[oSafe]]></ToUserName>",
				"https://repair.example.com/login/wechat?next=%2Fowner%2Freport");
		assertThat(tampered.statusCode()).isEqualTo(403);
		assertThat(tampered.body()).contains("wechat-signature-invalid");
	}

	private static String field(String xml, String name) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("<" + name + ">(?:<!\\[CDATA\\[)?([^<\\]]+)(?:\\]\\]>)?</" + name + ">")
			.matcher(xml);
		assertThat(m.find()).as("%s in %s", name, xml).isTrue();
		return m.group(1);
	}

	@Test
	void theMenuReportButtonIsAnsweredWithTheReportLink() {
		HttpResponse<String> reply = signedPost("""
				<xml><ToUserName><![CDATA[gh_suxiu]]></ToUserName><FromUserName><![CDATA[oFollower]]></FromUserName>
				<CreateTime>1764900000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event>
				<EventKey><![CDATA[REPORT]]></EventKey></xml>
				""");

		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.body()).contains("https://repair.example.com/login/wechat?next=%2Fowner%2Freport");
	}

	@Test
	void otherMessagesAreAcknowledgedWithSuccess() {
		HttpResponse<String> reply = signedPost(text("oFollower", "你好"));

		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.body()).isEqualTo("success");
	}

	@Test
	void aBodyThatIsNotWechatsXmlIs400() {
		HttpResponse<String> reply = signedPost("{\"not\":\"xml\"}");

		assertThat(reply.statusCode()).isEqualTo(400);
		assertThat(reply.body()).contains("wechat-callback-invalid");
	}

	private HttpResponse<String> signedPost(String body) {
		String timestamp = now();
		String nonce = nonce();
		return post(WechatStub.sign(WechatStub.TOKEN, timestamp, nonce), timestamp, nonce, body);
	}

	private static String text(String from, String content) {
		return "<xml><ToUserName><![CDATA[gh_suxiu]]></ToUserName><FromUserName><![CDATA[" + from
				+ "]]></FromUserName><CreateTime>1764900000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
				+ "<Content><![CDATA[" + content + "]]></Content><MsgId>1234567890</MsgId></xml>";
	}

	private HttpResponse<String> get(String signature, String timestamp, String nonce, String echostr) {
		return send(HttpRequest.newBuilder(URI.create(uri(signature, timestamp, nonce) + "&echostr=" + echostr)).GET());
	}

	private HttpResponse<String> post(String signature, String timestamp, String nonce, String body) {
		return send(HttpRequest.newBuilder(uri(signature, timestamp, nonce))
			.header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private URI uri(String signature, String timestamp, String nonce) {
		return URI.create("http://localhost:" + port + "/wechat/callback?timestamp=" + timestamp + "&nonce=" + nonce
				+ (signature == null ? "" : "&signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private long storedNonces() {
		return jdbc.sql("SELECT count(*) FROM wechat_nonce").query(Long.class).single();
	}

	private static String now() {
		return String.valueOf(CLOCK.instant().getEpochSecond());
	}

	private static String nonce() {
		return "n" + NONCES.incrementAndGet() + "x" + System.nanoTime();
	}

}
