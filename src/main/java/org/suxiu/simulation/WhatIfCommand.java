package org.suxiu.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;
import org.suxiu.property.PropertyDirectory;

/**
 * {@code java -jar suxiu.jar simulate --from-history DEMO --from 2026-11-01 --to 2026-11-30
 * [--technicians +2] [--policies a,b] [--out RESULT.json]}: the what-if on the command
 * line, against the application's database.
 */
@Component
public class WhatIfCommand {

	static final String USAGE = "usage: simulate --from-history PROJECT --from YYYY-MM-DD --to YYYY-MM-DD "
			+ "[--technicians +N] [--policies round-robin,nearest-idle,suxiu,timefold] [--out FILE]";

	private final WhatIf whatIf;

	private final PropertyDirectory property;

	WhatIfCommand(WhatIf whatIf, PropertyDirectory property) {
		this.whatIf = whatIf;
		this.property = property;
	}

	/** Whether the arguments ask for a replay of history rather than a scenario file. */
	public static boolean wants(String[] args) {
		return Arrays.asList(args).contains("--from-history");
	}

	/**
	 * The arguments meant for Spring (such as {@code --spring.datasource.url=...}), which
	 * the command itself ignores.
	 */
	public static String[] springArguments(String[] args) {
		return Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("=")).toArray(String[]::new);
	}

	public String run(String[] args) throws IOException {
		String code = null;
		LocalDate from = null;
		LocalDate to = null;
		int extra = 0;
		String out = null;
		List<String> policies = WhatIf.POLICIES;
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--") && args[i].contains("=")) {
				continue;
			}
			switch (args[i]) {
				case "--from-history" -> code = value(args, ++i);
				case "--from" -> from = LocalDate.parse(value(args, ++i));
				case "--to" -> to = LocalDate.parse(value(args, ++i));
				case "--technicians" -> extra = Integer.parseInt(value(args, ++i).replace("+", ""));
				case "--policies" -> policies = Arrays.asList(value(args, ++i).split(","));
				case "--out" -> out = value(args, ++i);
				default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
			}
		}
		if (code == null || from == null || to == null) {
			throw new IllegalArgumentException(USAGE);
		}
		String project = code;
		WhatIf.Result result = whatIf.run(
				property.project(project)
					.orElseThrow(() -> new IllegalArgumentException("no project with code " + project)),
				from, to, extra, policies);
		String table = WhatIf.table(result);
		if (out != null) {
			Files.writeString(Path.of(out), SimulateCommand.mapper().writeValueAsString(result));
			table += "Result written to " + out + "\n";
		}
		return table;
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			throw new IllegalArgumentException(USAGE);
		}
		return args[i];
	}

}
