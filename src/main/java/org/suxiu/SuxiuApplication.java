package org.suxiu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * SuXiu (速修): property-maintenance rapid response, one deployable of many modules.
 */
@SpringBootApplication
@EnableScheduling
public class SuxiuApplication {

	public static void main(String[] args) {
		SpringApplication.run(SuxiuApplication.class, args);
	}

}
