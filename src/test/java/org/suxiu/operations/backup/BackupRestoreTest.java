package org.suxiu.operations.backup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.ApplicationTest;
import org.suxiu.attachment.Multipart;
import org.suxiu.attachment.TestImages;
import org.suxiu.operations.BackupCli;
import org.suxiu.shared.EmbeddedDatabase;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup of the running server, restored by the command line into a fresh data
 * directory, holds every order, attachment (row and file) and timer, and its sequences
 * continue past the restored numbers.
 */
class BackupRestoreTest extends ApplicationTest {

	private static final String OWNER = "13800000001";

	@Autowired
	DataSource dataSource;

	@Autowired
	SuxiuProperties properties;

	@TempDir
	Path temp;

	@Test
	void aRestoredBackupHoldsEveryOrderAttachmentAndTimer() throws Exception {
		String number = api.post(OWNER, "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		assertThat(new Multipart(port)
			.upload(api.token(OWNER), "/api/v1/work-orders/" + number + "/attachments",
					new Multipart.Part("leak.jpg", "image/jpeg", TestImages.jpeg(64, 48)))
			.statusCode()).isEqualTo(201);
		api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline());
		Snapshot before = Snapshot.of(dataSource);
		Path file = temp.resolve("nightly/suxiu.backup");

		Manifest written = new Backup(dataSource, properties.dataDirectory().resolve("files"), Clock.systemUTC())
			.writeTo(file);
		Path fresh = temp.resolve("restored");
		Output restore = cli("restore", "--from", file.toString(), "--data-dir", fresh.toString());

		assertThat(restore.status()).as(restore.text()).isZero();
		try (EmbeddedDatabase restored = EmbeddedDatabase.open(fresh)) {
			Snapshot after = Snapshot.of(restored.dataSource());
			assertThat(after.orders()).contains(number).containsAll(before.orders());
			assertThat(after.attachments()).isNotEmpty().containsAll(before.attachments());
			assertThat(after.timers()).isNotEmpty().containsAll(before.timers());
			for (String key : after.fileKeys()) {
				assertThat(fresh.resolve("files").resolve(key)).exists();
			}
			long next = JdbcClient.create(restored.dataSource())
				.sql("SELECT nextval('work_order_number_seq')")
				.query(Long.class)
				.single();
			assertThat(next).isGreaterThan(written.sequences().get("work_order_number_seq"));
		}
	}

	@Test
	void theCommandLineBacksUpARestoredDirectoryRowForRow() throws Exception {
		Path first = temp.resolve("first.backup");
		Manifest original = new Backup(dataSource, properties.dataDirectory().resolve("files"), Clock.systemUTC())
			.writeTo(first);
		Path fresh = temp.resolve("restored");
		assertThat(cli("restore", "--from", first.toString(), "--data-dir", fresh.toString()).status()).isZero();

		Path second = temp.resolve("second.backup");
		Output backup = cli("backup", "--to", second.toString(), "--data-dir", fresh.toString());

		assertThat(backup.status()).as(backup.text()).isZero();
		assertThat(backup.text()).contains("Backed up to", "schema version " + original.schemaVersion());
		try (EmbeddedDatabase restored = EmbeddedDatabase.open(fresh)) {
			Manifest again = new Restore(restored.dataSource(), temp.resolve("unused")).manifestOf(second);
			assertThat(again.tables()).isEqualTo(original.tables());
			assertThat(again.files()).isEqualTo(original.files());
		}
	}

	@Test
	void refusesToRestoreOverADatabase() throws Exception {
		Path file = temp.resolve("suxiu.backup");
		new Backup(dataSource, properties.dataDirectory().resolve("files"), Clock.systemUTC()).writeTo(file);
		Path used = temp.resolve("used");
		assertThat(cli("restore", "--from", file.toString(), "--data-dir", used.toString()).status()).isZero();

		Output again = cli("restore", "--from", file.toString(), "--data-dir", used.toString());

		assertThat(again.status()).isEqualTo(1);
		assertThat(again.text()).contains("already has a database");
	}

	private static Output cli(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int status = BackupCli.run(args, Map.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Output(status, bytes.toString(StandardCharsets.UTF_8));
	}

	record Output(int status, String text) {
	}

	/** What must survive: orders, attachment references with their files, timers. */
	record Snapshot(List<String> orders, List<String> attachments, List<String> fileKeys, List<String> timers) {

		static Snapshot of(DataSource dataSource) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			return new Snapshot(jdbc.sql("SELECT number FROM work_order").query(String.class).list(),
					jdbc.sql("SELECT id || ' ' || order_number || ' ' || file_key FROM attachment")
						.query(String.class)
						.list(),
					jdbc.sql("SELECT file_key FROM attachment UNION SELECT thumbnail_key FROM attachment"
							+ " WHERE thumbnail_key IS NOT NULL")
						.query(String.class)
						.list(),
					jdbc.sql("SELECT id || ' ' || order_number || ' ' || kind || ' ' || due_at || ' ' || status"
							+ " FROM sla_timer")
						.query(String.class)
						.list());
		}

	}

}
