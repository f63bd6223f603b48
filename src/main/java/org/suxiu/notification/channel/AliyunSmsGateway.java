package org.suxiu.notification.channel;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.suxiu.notification.DeliveryResult;
import org.suxiu.notification.SmsGateway;
import org.suxiu.shared.PhoneNumber;

/**
 * Sends SMS through Aliyun SMS ({@code SendSms}, API version 2017-05-25) as a signed form
 * POST. Aliyun sends only registered templates: each message kind maps to a template code
 * whose variables are the message's parameters, or to one general template with a
 * {@code ${content}} variable. Our message id travels as {@code OutId}, so that the
 * provider's records and receipts name it. A 5xx, a timeout or Aliyun's throttling and
 * system errors are worth retrying; any other refusal is final.
 */
class AliyunSmsGateway implements SmsGateway {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Set<String> RETRYABLE = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL",
			"isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE", "SignatureNonceUsed", "ServiceUnavailable");

	private final SmsProperties.Aliyun settings;

	private final String signName;

	private final String signature;

	private final RestClient http;

	private final JsonMapper json;

	private final Clock clock;

	AliyunSmsGateway(SmsProperties.Aliyun settings, String signature, JsonMapper json, Clock clock) {
		if (settings.accessKeyId() == null || settings.accessKeySecret() == null) {
			throw new IllegalStateException("suxiu.notification.sms.aliyun.access-key-id and access-key-secret "
					+ "must be configured for the Aliyun SMS provider");
		}
		this.settings = settings;
		this.signature = signature;
		this.signName = settings.signName() != null ? settings.signName()
				: signature.replace("【", "").replace("】", "").trim();
		this.json = json;
		this.clock = clock;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				java.net.http.HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
		requests.setReadTimeout(settings.readTimeout());
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Override
	public DeliveryResult send(Sms sms) {
		String template = settings.templateCodes()
			.getOrDefault(sms.template() + (sms.locale().startsWith("en") ? "_EN" : ""),
					settings.templateCodes().get(sms.template()));
		Map<String, String> variables = sms.params();
		if (template == null) {
			template = settings.defaultTemplateCode();
			String content = sms.body().startsWith(signature) ? sms.body().substring(signature.length()) : sms.body();
			variables = Map.of("content", content);
		}
		if (template == null) {
			return DeliveryResult.rejected("no Aliyun template for " + sms.template());
		}
		SortedMap<String, String> params = new TreeMap<>();
		params.put("AccessKeyId", settings.accessKeyId());
		params.put("Action", "SendSms");
		params.put("Format", "JSON");
		params.put("OutId", sms.reference());
		params.put("PhoneNumbers", sms.phone());
		params.put("RegionId", settings.regionId());
		params.put("SignName", signName);
		params.put("SignatureMethod", "HMAC-SHA1");
		params.put("SignatureNonce", UUID.randomUUID().toString());
		params.put("SignatureVersion", "1.0");
		params.put("TemplateCode", template);
		params.put("TemplateParam", json.writeValueAsString(new TreeMap<>(variables)));
		params.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
		params.put("Version", "2017-05-25");
		String form = AliyunSignature.signedQuery("POST", params, settings.accessKeySecret());
		try {
			return http.post()
				.uri(settings.endpoint())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.exchange((request, response) -> interpret(response.getStatusCode().value(),
						new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (RestClientException ex) {
			return DeliveryResult.retry("Aliyun SMS unreachable for " + PhoneNumber.mask(sms.phone()) + ": "
					+ ex.getMostSpecificCause().getClass().getSimpleName());
		}
	}

	private DeliveryResult interpret(int status, String body) {
		JsonNode answer = null;
		try {
			answer = json.readTree(body);
		}
		catch (RuntimeException ex) {
			// not JSON: judged by the status alone
		}
		String code = answer == null || answer.get("Code") == null ? null : answer.get("Code").asString();
		String message = answer == null || answer.get("Message") == null ? "" : answer.get("Message").asString();
		if (status >= 200 && status < 300 && "OK".equals(code)) {
			return DeliveryResult.sent(answer.get("BizId") == null ? null : answer.get("BizId").asString());
		}
		String error = "Aliyun " + status + (code == null ? "" : " " + code + " " + message);
		boolean retryable = status >= 500 || status == 429 || code == null || code.startsWith("isp.")
				|| code.startsWith("Throttling") || RETRYABLE.contains(code);
		return retryable ? DeliveryResult.retry(error) : DeliveryResult.rejected(error);
	}

}
