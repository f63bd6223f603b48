/**
 * Value types, the clock, the embedded database and the problem-response mapping that
 * every module uses. Open to all modules; depends on none.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		allowedDependencies = {})
package org.suxiu.shared;
