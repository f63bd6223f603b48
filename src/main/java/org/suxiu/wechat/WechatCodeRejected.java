package org.suxiu.wechat;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * WeChat did not accept a sign-in code (unknown, used already or expired): the client
 * must ask WeChat for a new one. Nothing was changed.
 */
public class WechatCodeRejected extends DomainException {

	WechatCodeRejected(int errorCode) {
		super("wechat-code-invalid", HttpStatus.BAD_REQUEST, "WeChat code refused",
				"WeChat did not accept this code (" + errorCode + "); get a new one and try again 微信登录凭证无效或已使用，请重新获取");
	}

}
