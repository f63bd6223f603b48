package org.suxiu.wechat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;

import org.springframework.stereotype.Component;

/**
 * The owner pages' WeChat sign-in: where to send the browser to authorise, the openid
 * behind the code WeChat sends back, and which owner that openid is bound to.
 */
@Component
public class WechatAccounts {

	/** The callback path of the OAuth sign-in, under the site URL. */
	public static final String OAUTH_CALLBACK = "/login/wechat/callback";

	private final OfficialAccount official;

	private final Bindings bindings;

	WechatAccounts(OfficialAccount official, Bindings bindings) {
		this.official = official;
		this.bindings = bindings;
	}

	/** Whether the Official Account is configured (the sign-in is offered at all). */
	public boolean enabled() {
		return official.enabled();
	}

	/**
	 * WeChat's authorise page ({@code snsapi_base}: no prompt, the openid only), which
	 * comes back to {@link #OAUTH_CALLBACK} with a code and {@code state}.
	 */
	public String authorizeUrl(String state) {
		return official.service()
			.getOAuth2Service()
			.buildAuthorizationUrl(official.siteUrl() + OAUTH_CALLBACK, WxConsts.OAuth2Scope.SNSAPI_BASE, state);
	}

	/** The openid behind an OAuth code. */
	public String openidOf(String code) {
		if (code == null || code.isBlank() || code.length() > 128) {
			throw new WechatCodeRejected(40029);
		}
		try {
			return official.service().getOAuth2Service().getAccessToken(code).getOpenId();
		}
		catch (WxErrorException ex) {
			int error = ex.getError().getErrorCode();
			if (error == -1 || error == 45009 || error == 45011) {
				throw new WechatUnavailable(String.valueOf(error));
			}
			throw new WechatCodeRejected(error);
		}
		catch (WxRuntimeException ex) {
			throw new WechatUnavailable(ex.getClass().getSimpleName());
		}
	}

	/** The owner the openid is bound to. */
	public Optional<Long> ownerOf(String openid) {
		return bindings.ownerOf(official.appId(), openid);
	}

	/** Binds the openid to the owner, after they proved their number. */
	public void bind(String openid, long ownerId) {
		try {
			bindings.bind(official.appId(), Bindings.Kind.OFFICIAL, openid, ownerId);
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			throw new org.suxiu.shared.ConcurrentChange("The binding changed meanwhile; try again 绑定已被同时修改，请重试");
		}
	}

	/** The owner's openid on the Official Account, for template messages. */
	public Optional<String> openidOfOwner(long ownerId) {
		return official.enabled() ? bindings.openidOf(official.appId(), ownerId) : Optional.empty();
	}

	/**
	 * The link that opens an owner page inside WeChat, signing the owner in on the way.
	 */
	public String linkTo(String ownerPage) {
		return official.siteUrl() + "/login/wechat?next=" + URLEncoder.encode(ownerPage, StandardCharsets.UTF_8);
	}

}
