package org.suxiu;

import java.util.Arrays;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.suxiu.dispatch.SimulateCommand;
import org.suxiu.dispatch.WhatIfCommand;

/**
 * SuXiu (速修): property-maintenance rapid response, one deployable of many modules. With
 * {@code simulate} as the first argument it runs the dispatch simulator instead of the
 * server (with {@code --from-history}, against the database's past orders).
 */
@SpringBootApplication
@EnableScheduling
public class SuxiuApplication {

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("simulate")) {
			String[] options = Arrays.copyOfRange(args, 1, args.length);
			if (WhatIfCommand.wants(options)) {
				whatIf(options);
			}
			else {
				SimulateCommand.main(options);
			}
			return;
		}
		SpringApplication.run(SuxiuApplication.class, args);
	}

	/**
	 * The what-if reads the database, so it starts the application without its web server
	 * and background work, prints the answer and stops.
	 */
	private static void whatIf(String[] options) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SuxiuApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// a replay only reads: no timers, deliveries or resubmissions from this
			// process
			.properties("logging.level.root=WARN", "suxiu.sla.poller.enabled=false",
					"suxiu.notification.delivery.enabled=false", "suxiu.events.resubmit.enabled=false",
					"suxiu.dispatch.planner.replan.projects=")
			.run(WhatIfCommand.springArguments(options))) {
			System.out.print(context.getBean(WhatIfCommand.class).run(options));
		}
	}

}
