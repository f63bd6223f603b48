package org.suxiu.wechat;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * This installation has no WeChat credentials configured, so WeChat sign-in is not
 * offered.
 */
class WechatNotConfigured extends DomainException {

	WechatNotConfigured(String what) {
		super("wechat-not-configured", HttpStatus.NOT_FOUND, "WeChat not configured",
				what + " is not set up on this installation 本系统未开通微信" + ("mini-program".equals(what) ? "小程序" : "公众号")
						+ "登录");
	}

}
