/**
 * Sign-in and request authentication: issues signed bearer tokens to staff and owners and
 * turns a token back into the {@link org.suxiu.shared.Actor} behind each request.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
		allowedDependencies = { "property", "shared" })
package org.suxiu.identity;
