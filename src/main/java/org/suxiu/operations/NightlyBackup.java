package org.suxiu.operations;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.suxiu.operations.backup.Backup;

/**
 * The optional nightly backup of the embedded database (off by default,
 * {@code suxiu.backup.nightly.enabled}): at {@code suxiu.backup.nightly.at} (02:30) in
 * the business zone it writes {@code suxiu-backup-YYYYMMDD-HHMMSS.zip} to
 * {@code $SUXIU_DATA_DIR/backups} with {@link Backup} (one consistent snapshot while the
 * server keeps working) and keeps the newest {@code suxiu.backup.nightly.keep} (7). The
 * timer is the {@code backup_schedule} row: a run claims it with one atomic
 * {@code UPDATE … WHERE next_run_at <= now RETURNING}, so with several instances a
 * night's backup is written once, and the next run survives restarts. The claim first
 * moves the next run one lease ahead, so a backup cut short by a crash is tried again an
 * hour later; a finished one moves it to the next night. With a real PostgreSQL server it
 * does nothing: {@code pg_dump} is the tool there (README, "Backups").
 */
class NightlyBackup {

	private static final Logger log = LoggerFactory.getLogger(NightlyBackup.class);

	static final String SCHEDULE = "nightly";

	static final String PREFIX = "suxiu-backup-";

	static final String SUFFIX = ".zip";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final Duration LEASE = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Backup backup;

	private final Path directory;

	private final Clock clock;

	private final ZoneId zone;

	private final LocalTime at;

	private final int keep;

	private final boolean embedded;

	private final String instance = ManagementFactory.getRuntimeMXBean().getName();

	/**
	 * @param files the attachment store's directory, copied into each backup
	 * @param directory where the backups go ({@code $SUXIU_DATA_DIR/backups})
	 * @param embedded whether the datasource is the embedded database; otherwise the job
	 * never runs
	 */
	NightlyBackup(DataSource dataSource, Path files, Path directory, Clock clock, ZoneId zone, LocalTime at, int keep,
			boolean embedded) {
		if (keep < 1) {
			throw new IllegalArgumentException("suxiu.backup.nightly.keep must be at least 1, not " + keep);
		}
		this.jdbc = JdbcClient.create(dataSource);
		this.backup = new Backup(dataSource, files, clock);
		this.directory = directory;
		this.clock = clock;
		this.zone = zone;
		this.at = at;
		this.keep = keep;
		this.embedded = embedded;
		if (!embedded) {
			log.warn("suxiu.backup.nightly.enabled is set, but the database is not the embedded one: "
					+ "no nightly backup from the application; use pg_dump on the server (README, Backups)");
		}
	}

	@Scheduled(fixedDelayString = "${suxiu.backup.nightly.poll:PT1M}", initialDelayString = "PT1M")
	void poll() {
		try {
			runIfDue();
		}
		catch (IOException | SQLException | RuntimeException ex) {
			log.error("Nightly backup failed; it is tried again within the hour", ex);
		}
	}

	/**
	 * Writes the backup when it is due and this instance claimed it, then prunes.
	 * @return the file written; empty when not due, claimed elsewhere, or not embedded
	 */
	Optional<Path> runIfDue() throws IOException, SQLException {
		if (!embedded) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO backup_schedule (name, next_run_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
			.params(SCHEDULE, Timestamp.from(nextRunAfter(now)))
			.update();
		Optional<Timestamp> claimed = jdbc.sql("""
				UPDATE backup_schedule SET next_run_at = ?, claimed_by = ?, claimed_at = ?
				WHERE name = ? AND next_run_at <= ? RETURNING claimed_at
				""")
			.params(Timestamp.from(now.plus(LEASE)), instance, Timestamp.from(now), SCHEDULE, Timestamp.from(now))
			.query(Timestamp.class)
			.optional();
		if (claimed.isEmpty()) {
			return Optional.empty();
		}
		Path file = directory.resolve(PREFIX + STAMP.format(now.atZone(zone)) + SUFFIX);
		var manifest = backup.writeTo(file);
		jdbc.sql("UPDATE backup_schedule SET next_run_at = ?, last_file = ?, last_done_at = ? WHERE name = ?")
			.params(Timestamp.from(nextRunAfter(now)), file.getFileName().toString(), Timestamp.from(clock.instant()),
					SCHEDULE)
			.update();
		List<Path> removed = prune();
		log.info("Nightly backup written to {} (schema version {}, {} files); removed {} older backups", file,
				manifest.schemaVersion(), manifest.files(), removed.size());
		return Optional.of(file);
	}

	/** The first {@code at} in the business zone strictly after {@code now}. */
	Instant nextRunAfter(Instant now) {
		ZonedDateTime local = now.atZone(zone);
		ZonedDateTime next = local.toLocalDate().atTime(at).atZone(zone);
		if (!next.isAfter(local)) {
			next = local.toLocalDate().plusDays(1).atTime(at).atZone(zone);
		}
		return next.toInstant();
	}

	/**
	 * Deletes all but the newest {@code keep} backups (the stamp in the name sorts them);
	 * files of other names in the directory are left alone.
	 */
	List<Path> prune() throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		List<Path> backups;
		try (Stream<Path> listed = Files.list(directory)) {
			backups = listed.filter(Files::isRegularFile).filter(p -> {
				String name = p.getFileName().toString();
				return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
			}).sorted().toList();
		}
		List<Path> old = backups.subList(0, Math.max(0, backups.size() - keep));
		for (Path file : old) {
			Files.deleteIfExists(file);
		}
		return old;
	}

}
