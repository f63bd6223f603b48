/**
 * WeChat (issue 14): owners sign in to the pages opened inside the Official Account (公众号)
 * and to the mini-program with an openid bound to them after one phone and code check;
 * the endpoint WeChat's server calls; template messages for the notification module.
 * Everything is off until the credentials are configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "WeChat",
		allowedDependencies = { "identity", "property", "shared" })
package org.suxiu.wechat;
