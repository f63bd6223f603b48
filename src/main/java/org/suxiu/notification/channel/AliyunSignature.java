package org.suxiu.notification.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.SortedMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Aliyun's RPC request signature, version 1.0 (HMAC-SHA1): the parameters sorted by name,
 * each name and value percent-encoded (RFC 3986: space as %20, {@code *} as %2A,
 * {@code ~} kept), joined into a query string; the string to sign is {@code METHOD&%2F&}
 * + the encoded query; the key is the AccessKey secret followed by {@code &}.
 */
final class AliyunSignature {

	private AliyunSignature() {
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8)
			.replace("+", "%20")
			.replace("*", "%2A")
			.replace("%7E", "~");
	}

	static String canonicalQuery(SortedMap<String, String> params) {
		return params.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	/** The Base64 signature of the request. */
	static String sign(String method, SortedMap<String, String> params, String secret) {
		String stringToSign = method + "&" + encode("/") + "&" + encode(canonicalQuery(params));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/** The signed parameters as a query string or form body. */
	static String signedQuery(String method, SortedMap<String, String> params, String secret) {
		return "Signature=" + encode(sign(method, params, secret)) + "&" + canonicalQuery(params);
	}

}
