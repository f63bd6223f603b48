package org.suxiu.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says in the start-up log where to open the pages once the application takes orders, so
 * a first-time user knows the run command is ready and where to go.
 */
@Component
class ReadyMessage {

	private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			log.info("速修 SuXiu is ready: open http://localhost:{}/login (demo accounts: README, password demo123)",
					web.getWebServer().getPort());
		}
	}

}
