package org.suxiu.wechat;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * The mini-program user's openid belongs to no owner yet: they bind it once with their
 * mobile number and an SMS code.
 */
class WechatNotBound extends DomainException {

	WechatNotBound() {
		super("wechat-not-bound", HttpStatus.NOT_FOUND, "WeChat not bound",
				"This WeChat user is not bound to an owner yet: bind once with your mobile number and an SMS code "
						+ "此微信尚未绑定业主，请用手机号和短信验证码绑定一次");
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("bind",
				"POST /api/v1/auth/sms-code {\"phone\"}, then POST /api/v1/auth/wechat-mini with a new code and "
						+ "{\"phone\", \"smsCode\"}; or, signed in as the owner, PUT /api/v1/me/wechat {\"code\"}");
	}

}
