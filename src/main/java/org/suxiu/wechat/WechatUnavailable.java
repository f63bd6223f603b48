package org.suxiu.wechat;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * WeChat's server could not be reached or was busy; nothing was changed and the same
 * request may be tried again.
 */
public class WechatUnavailable extends DomainException {

	WechatUnavailable(String why) {
		super("wechat-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "WeChat unavailable",
				"WeChat did not answer (" + why + "); please try again 微信服务暂时不可用，请稍后再试");
	}

}
