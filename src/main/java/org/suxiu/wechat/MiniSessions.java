package org.suxiu.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The mini-program's {@code code2session} ({@code GET /sns/jscode2session}): the openid
 * behind a {@code wx.login} code. One plain GET with the app's id and secret, so it is
 * called directly rather than through a second WxJava artifact.
 */
@Component
class MiniSessions {

	private final WechatProperties properties;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	MiniSessions(WechatProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	boolean enabled() {
		return properties.mini().configured();
	}

	String appId() {
		return properties.mini().appId();
	}

	/** The openid behind the code; each code works once. */
	String openidOf(String code) {
		if (!enabled()) {
			throw new WechatNotConfigured("mini-program");
		}
		String base = properties.apiBaseUrl().endsWith("/") ? properties.apiBaseUrl() : properties.apiBaseUrl() + "/";
		URI uri = URI.create(base + "sns/jscode2session?appid=" + encode(properties.mini().appId()) + "&secret="
				+ encode(properties.mini().secret()) + "&js_code=" + encode(code) + "&grant_type=authorization_code");
		HttpResponse<String> response;
		try {
			response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new WechatUnavailable(ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WechatUnavailable("interrupted");
		}
		if (response.statusCode() != 200) {
			throw new WechatUnavailable("HTTP " + response.statusCode());
		}
		JsonNode answer;
		try {
			answer = json.readTree(response.body());
		}
		catch (RuntimeException ex) {
			throw new WechatUnavailable("unreadable answer");
		}
		int error = answer.path("errcode").asInt(0);
		String openid = answer.path("openid").asString(null);
		if (error == -1 || error == 45011) {
			throw new WechatUnavailable(String.valueOf(error));
		}
		if (error != 0 || openid == null || openid.isBlank()) {
			throw new WechatCodeRejected(error == 0 ? 40029 : error);
		}
		return openid;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
