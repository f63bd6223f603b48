package org.suxiu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.suxiu.simulation.SimulationCli;

/**
 * SuXiu (速修): property-maintenance rapid response, one deployable of many modules. With
 * {@code simulate} as the first argument it hands over to the dispatch simulator
 * ({@link SimulationCli}) instead of starting the server.
 */
@SpringBootApplication
@EnableScheduling
public class SuxiuApplication {

	public static void main(String[] args) throws Exception {
		if (SimulationCli.wants(args)) {
			SimulationCli.run(SuxiuApplication.class, args);
			return;
		}
		CleanStop.installIfAsked();
		SpringApplication.run(SuxiuApplication.class, args);
	}

}
