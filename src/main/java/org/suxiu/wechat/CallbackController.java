package org.suxiu.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.shared.Problems;

/**
 * {@code GET|POST /wechat/callback}: the endpoint the Official Account's server calls —
 * the URL check when the server is configured (echo {@code echostr}) and the messages and
 * menu clicks of followers. Each call must carry WeChat's signature over our token, a
 * timestamp within {@code callback-max-age} and a nonce not seen before (kept in
 * PostgreSQL, so no instance takes a replay); otherwise 403 and nothing is done.
 */
@RestController
@Tag(name = "WeChat 微信")
class CallbackController {

	private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

	private final OfficialAccount official;

	private final Nonces nonces;

	private final CallbackReplies replies;

	private final Clock clock;

	CallbackController(OfficialAccount official, Nonces nonces, CallbackReplies replies, Clock clock) {
		this.official = official;
		this.nonces = nonces;
		this.replies = replies;
		this.clock = clock;
	}

	@GetMapping(path = "/wechat/callback", produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "WeChat server check 微信服务器验证",
			description = "WeChat's server, when the URL is saved in 服务器配置: answers echostr if signature, timestamp "
					+ "and nonce are good; 403 problem otherwise.")
	ResponseEntity<?> verify(@RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		ResponseEntity<ProblemDetail> refused = refusal(signature, timestamp, nonce);
		if (refused != null) {
			return refused;
		}
		if (echostr == null || echostr.isBlank()) {
			return problem(HttpStatus.BAD_REQUEST, "wechat-callback-invalid", "echostr is missing 缺少 echostr");
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(echostr);
	}

	@PostMapping(path = "/wechat/callback", produces = MediaType.APPLICATION_XML_VALUE)
	@Operation(summary = "WeChat messages 微信消息",
			description = "A follower's message or menu click, as WeChat's XML. The text 报修 or the menu key REPORT "
					+ "(and following the account) are answered with a passive reply holding the report link; anything "
					+ "else with \"success\". Bad signature, stale timestamp or a nonce seen before → 403 problem.")
	ResponseEntity<?> receive(@RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(name = "encrypt_type", required = false) String encryptType,
			@RequestParam(name = "msg_signature", required = false) String messageSignature,
			@RequestBody(required = false) String body) {
		ResponseEntity<ProblemDetail> refused = refusal(signature, timestamp, nonce);
		if (refused != null) {
			return refused;
		}
		boolean encrypted = "aes".equalsIgnoreCase(encryptType);
		WxMpXmlMessage message;
		try {
			message = encrypted
					? WxMpXmlMessage.fromEncryptedXml(body, official.config(), timestamp, nonce, messageSignature)
					: WxMpXmlMessage.fromXml(body);
		}
		catch (RuntimeException ex) {
			log.info("WeChat callback body not understood: {}", ex.toString());
			return encrypted
					? problem(HttpStatus.FORBIDDEN, "wechat-signature-invalid",
							"The encrypted message does not match its signature 加密消息签名不符")
					: problem(HttpStatus.BAD_REQUEST, "wechat-callback-invalid",
							"The message is not WeChat's XML 消息格式无法识别");
		}
		if (message == null || message.getFromUser() == null || message.getToUser() == null) {
			return problem(HttpStatus.BAD_REQUEST, "wechat-callback-invalid",
					"The message is not WeChat's XML 消息格式无法识别");
		}
		WxMpXmlOutMessage reply = replies.replyTo(message);
		if (reply == null) {
			// WeChat expects "success" (or nothing) when there is no reply
			return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.body(encrypted ? reply.toEncryptedXml(official.config()) : reply.toXml());
	}

	/**
	 * Why a callback is refused, or {@code null}: the signature first, so that an
	 * unsigned call writes nothing, then the timestamp, then the nonce.
	 */
	private ResponseEntity<ProblemDetail> refusal(String signature, String timestamp, String nonce) {
		if (!official.enabled()) {
			return problem(HttpStatus.NOT_FOUND, "wechat-not-configured",
					"WeChat is not set up on this installation 本系统未开通微信公众号");
		}
		if (signature == null || timestamp == null || nonce == null || nonce.isBlank() || nonce.length() > 64
				|| !timestamp.matches("\\d{1,12}")) {
			return problem(HttpStatus.FORBIDDEN, "wechat-signature-invalid",
					"signature, timestamp and nonce are required 缺少签名参数");
		}
		if (!official.signedByWechat(signature, timestamp, nonce)) {
			return problem(HttpStatus.FORBIDDEN, "wechat-signature-invalid", "The signature does not match 签名不符");
		}
		Duration maxAge = official.properties().callbackMaxAge();
		Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
		Instant now = clock.instant();
		if (Duration.between(sent, now).abs().compareTo(maxAge) > 0) {
			return problem(HttpStatus.FORBIDDEN, "wechat-callback-stale",
					"The timestamp is more than " + maxAge.toMinutes() + " minutes from now 请求已过期");
		}
		if (!nonces.firstUse(nonce, now.plus(maxAge.multipliedBy(2)))) {
			return problem(HttpStatus.FORBIDDEN, "wechat-callback-replayed", "This nonce was used before 重复的请求已拒绝");
		}
		return null;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(status, type, status.getReasonPhrase(), detail));
	}

}
