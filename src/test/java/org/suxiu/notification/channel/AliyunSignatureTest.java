package org.suxiu.notification.channel;

import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature against the worked example of Aliyun's SMS documentation (HTTP protocol
 * and signature, SendSms with AccessKey secret {@code testSecret}).
 */
class AliyunSignatureTest {

	@Test
	void signsTheDocumentedExample() {
		SortedMap<String, String> params = new TreeMap<>();
		params.put("AccessKeyId", "testId");
		params.put("Action", "SendSms");
		params.put("Format", "XML");
		params.put("OutId", "123");
		params.put("PhoneNumbers", "15300000001");
		params.put("RegionId", "cn-hangzhou");
		params.put("SignName", "阿里云短信测试专用");
		params.put("SignatureMethod", "HMAC-SHA1");
		params.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
		params.put("SignatureVersion", "1.0");
		params.put("TemplateCode", "SMS_71390007");
		params.put("TemplateParam", "{\"customer\":\"test\"}");
		params.put("Timestamp", "2017-07-12T02:42:19Z");
		params.put("Version", "2017-05-25");

		String signature = AliyunSignature.sign("GET", params, "testSecret");

		assertThat(signature).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
		assertThat(AliyunSignature.signedQuery("GET", params, "testSecret"))
			.startsWith("Signature=zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D&AccessKeyId=testId&Action=SendSms")
			.contains("&TemplateParam=%7B%22customer%22%3A%22test%22%7D&Timestamp=2017-07-12T02%3A42%3A19Z");
	}

	@Test
	void encodesAsRfc3986() {
		assertThat(AliyunSignature.encode("a b*c~d+e/")).isEqualTo("a%20b%2Ac~d%2Be%2F");
	}

}
