package org.suxiu.simulation;

import java.util.Arrays;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar suxiu.jar simulate …}: the dispatch simulator on generated requests,
 * or with {@code --from-history} the what-if replay of a project's past orders.
 */
public final class SimulationCli {

	private SimulationCli() {
	}

	/** Whether the command line asks for the simulator rather than the server. */
	public static boolean wants(String[] args) {
		return args.length > 0 && args[0].equals("simulate");
	}

	/**
	 * Runs the simulator; the what-if reads the database, so it starts
	 * {@code application} without its web server and background work, prints the answer
	 * and stops.
	 */
	public static void run(Class<?> application, String[] args) throws Exception {
		String[] options = Arrays.copyOfRange(args, 1, args.length);
		if (!WhatIfCommand.wants(options)) {
			SimulateCommand.main(options);
			return;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
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
