package org.suxiu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.suxiu.dispatch.SimulateCommand;

/**
 * SuXiu (速修): property-maintenance rapid response, one deployable of many modules. With
 * {@code simulate} as the first argument it runs the dispatch simulator instead of the
 * server.
 */
@SpringBootApplication
@EnableScheduling
public class SuxiuApplication {

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("simulate")) {
			SimulateCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(SuxiuApplication.class, args);
	}

}
