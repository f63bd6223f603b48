package org.suxiu.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.ApplicationTest;
import org.suxiu.shared.SuxiuProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly backup over the running test server's embedded database, on a clock the
 * test sets: nothing before the time, one backup at it (also when two instances try at
 * once, and not again after a restart the same night), none when the database is not the
 * embedded one, and only the newest {@code keep} files left.
 */
class NightlyBackupTest extends ApplicationTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final LocalTime AT = LocalTime.of(2, 30);

	private static final int KEEP = 3;

	@Autowired
	DataSource dataSource;

	@Autowired
	SuxiuProperties properties;

	@TempDir
	Path backups;

	private final AtomicReference<Instant> now = new AtomicReference<>(
			LocalDateTime.of(2026, 12, 5, 1, 0).atZone(ZONE).toInstant());

	private final Clock clock = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return now.get();
		}

	};

	@BeforeEach
	void noScheduleYet() {
		JdbcClient.create(dataSource).sql("DELETE FROM backup_schedule").update();
	}

	@Test
	void writesOneBackupANightOnceAcrossInstancesAndKeepsTheNewest() throws Exception {
		NightlyBackup first = instance(true);
		NightlyBackup second = instance(true);

		assertThat(first.runIfDue()).isEmpty();
		assertThat(backupFiles()).isEmpty();
		assertThat(JdbcClient.create(dataSource)
			.sql("SELECT next_run_at FROM backup_schedule WHERE name = 'nightly'")
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(LocalDateTime.of(2026, 12, 5, 2, 30).atZone(ZONE).toInstant());

		now.set(LocalDateTime.of(2026, 12, 5, 2, 30).atZone(ZONE).toInstant());
		assertThat(instance(false).runIfDue()).as("not the embedded database").isEmpty();
		List<Optional<Path>> concurrent = together(first::runIfDue, second::runIfDue);
		assertThat(concurrent.stream().filter(Optional::isPresent)).hasSize(1);
		assertThat(backupFiles()).extracting(p -> p.getFileName().toString())
			.containsExactly("suxiu-backup-20261205-023000.zip");
		try (ZipFile zip = new ZipFile(backupFiles().get(0).toFile())) {
			assertThat(zip.getEntry("manifest.json")).isNotNull();
			assertThat(zip.stream().filter(e -> e.getName().startsWith("db/"))).isNotEmpty();
		}

		now.set(now.get().plus(Duration.ofMinutes(1)));
		assertThat(instance(true).runIfDue()).as("after a restart the same night").isEmpty();
		assertThat(backupFiles()).hasSize(1);

		Files.writeString(backups.resolve("keep-me.txt"), "not a backup");
		for (int night = 6; night <= 9; night++) {
			now.set(LocalDateTime.of(2026, 12, night, 2, 30, 5).atZone(ZONE).toInstant());
			assertThat(first.runIfDue()).as("night %d", night).isPresent();
			assertThat(second.runIfDue()).isEmpty();
		}
		assertThat(backupFiles()).extracting(p -> p.getFileName().toString())
			.containsExactly("suxiu-backup-20261207-023005.zip", "suxiu-backup-20261208-023005.zip",
					"suxiu-backup-20261209-023005.zip");
		assertThat(backups.resolve("keep-me.txt")).exists();
	}

	@Test
	void theNextRunIsTheNextTimeInTheBusinessZone() {
		NightlyBackup job = instance(true);
		assertThat(job.nextRunAfter(LocalDateTime.of(2026, 12, 5, 2, 29).atZone(ZONE).toInstant()))
			.isEqualTo(LocalDateTime.of(2026, 12, 5, 2, 30).atZone(ZONE).toInstant());
		assertThat(job.nextRunAfter(LocalDateTime.of(2026, 12, 5, 2, 30).atZone(ZONE).toInstant()))
			.isEqualTo(LocalDateTime.of(2026, 12, 6, 2, 30).atZone(ZONE).toInstant());
		assertThat(job.nextRunAfter(LocalDateTime.of(2026, 12, 31, 23, 0).atZone(ZONE).toInstant()))
			.isEqualTo(LocalDateTime.of(2027, 1, 1, 2, 30).atZone(ZONE).toInstant());
	}

	private NightlyBackup instance(boolean embedded) {
		return new NightlyBackup(dataSource, properties.dataDirectory().resolve("files"), backups, clock, ZONE, AT,
				KEEP, embedded);
	}

	private List<Path> backupFiles() throws Exception {
		try (Stream<Path> listed = Files.list(backups)) {
			return listed.filter(p -> p.getFileName().toString().startsWith("suxiu-backup-")).sorted().toList();
		}
	}

	@SafeVarargs
	private static <T> List<T> together(Callable<T>... tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
