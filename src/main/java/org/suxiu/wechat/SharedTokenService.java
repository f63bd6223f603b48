package org.suxiu.wechat;

import java.io.IOException;

import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.mp.api.impl.WxMpServiceHttpClientImpl;

/**
 * WxJava's Official Account client with the access token kept in PostgreSQL
 * ({@link AccessTokens}) instead of each instance's memory: WxJava builds the requests
 * and reads the answers; this class puts the shared token on each call and, when WeChat
 * says the token is invalid or expired (40001, 40014, 42001), retires it and tries once
 * more with a fresh one.
 */
class SharedTokenService extends WxMpServiceHttpClientImpl {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SharedTokenService.class);

	private static final java.util.Set<Integer> TOKEN_REFUSED = java.util.Set.of(40001, 40014, 42001);

	private final AccessTokens tokens;

	SharedTokenService(AccessTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public String getAccessToken(boolean forceRefresh) throws WxErrorException {
		String appId = getWxMpConfigStorage().getAppId();
		if (forceRefresh) {
			tokens.expire(appId, tokens.current(appId, this::grant));
		}
		try {
			return tokens.current(appId, this::grant);
		}
		catch (GrantRefused ex) {
			// a wrong secret or an address missing from the IP whitelist: every WeChat
			// message goes by SMS until someone fixes it
			log.error("WeChat refused an access token for {}: {} (check the AppSecret and the IP whitelist)", appId,
					ex.error.getError());
			throw ex.error;
		}
	}

	@Override
	protected <T, E> T executeInternal(RequestExecutor<T, E> executor, String uri, E data, boolean doNotAutoRefresh)
			throws WxErrorException {
		String token = getAccessToken(false);
		try {
			return executor.execute(uri + (uri.contains("?") ? "&" : "?") + "access_token=" + token, data, WxType.MP);
		}
		catch (WxErrorException ex) {
			if (TOKEN_REFUSED.contains(ex.getError().getErrorCode()) && !doNotAutoRefresh) {
				tokens.expire(getWxMpConfigStorage().getAppId(), token);
				return executeInternal(executor, uri, data, true);
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new WxErrorException(ex);
		}
	}

	private AccessTokens.Granted grant() {
		String response;
		try {
			response = doGetAccessTokenRequest();
		}
		catch (IOException ex) {
			throw new WxRuntimeException(ex);
		}
		WxError error = WxError.fromJson(response, WxType.MP);
		if (error.getErrorCode() != 0) {
			throw new GrantRefused(new WxErrorException(error));
		}
		WxAccessToken token = WxAccessToken.fromJson(response);
		return new AccessTokens.Granted(token.getAccessToken(), token.getExpiresIn());
	}

	/** WeChat refused to grant a token (wrong secret, IP not whitelisted). */
	private static final class GrantRefused extends RuntimeException {

		private final transient WxErrorException error;

		GrantRefused(WxErrorException error) {
			super(error.getMessage(), null, false, false);
			this.error = error;
		}

	}

}
