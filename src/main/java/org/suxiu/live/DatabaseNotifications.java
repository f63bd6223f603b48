package org.suxiu.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.suxiu.shared.DatabaseOutage;

/**
 * Holds one dedicated PostgreSQL connection per instance that {@code LISTEN}s on the feed
 * channel, in a background thread, and wakes the streams a notification concerns.
 * Reconnects after a failure and then wakes every stream, since notifications sent
 * meanwhile are lost (the rows are not).
 */
@Component
class DatabaseNotifications implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

	private final DataSource dataSource;

	private final LiveConnections connections;

	private final LiveProperties properties;

	private volatile CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean running;

	private volatile boolean listening;

	private volatile Connection current;

	private Thread thread;

	private final DatabaseOutage outage;

	/** Whether the connection was lost and not yet regained: the loss is logged once. */
	private boolean lost;

	private Duration pauseFor;

	DatabaseNotifications(DataSource dataSource, LiveConnections connections, LiveProperties properties,
			DatabaseOutage outage) {
		this.outage = outage;
		this.dataSource = dataSource;
		this.connections = connections;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		stopped = new CountDownLatch(1);
		running = true;
		thread = new Thread(this::run, "live-listener");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void stop() {
		running = false;
		stopped.countDown();
		Connection connection = current;
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				log.debug("Closing the listening connection: {}", ex.toString());
			}
		}
		try {
			thread.join(TimeUnit.SECONDS.toMillis(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Whether the listening connection is up; for tests and health. */
	boolean isListening() {
		return listening;
	}

	private void run() {
		pauseFor = properties.reconnectDelay();
		while (running) {
			try (Connection connection = open()) {
				current = connection;
				listen(connection);
			}
			catch (SQLException | RuntimeException ex) {
				if (running && !lost) {
					log.warn("Live-event listener lost its database connection, reconnecting with back-off: {}",
							ex.toString());
				}
				lost = running;
				if (running && DatabaseOutage.isOutage(ex)) {
					outage.unreachable("live-listener", ex);
				}
			}
			finally {
				listening = false;
				current = null;
			}
			pause(pauseFor);
			// a connection that failed again at once: wait longer each time, up to 30 s
			pauseFor = min(pauseFor.multipliedBy(2), LONGEST_PAUSE);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private void listen(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("LISTEN " + LiveEventStore.CHANNEL);
		}
		listening = true;
		pauseFor = properties.reconnectDelay();
		if (lost) {
			lost = false;
			log.info("Live-event listener is listening again");
			outage.reachable();
		}
		connections.wakeAll();
		PGConnection postgres = connection.unwrap(PGConnection.class);
		int poll = (int) properties.listenerPoll().toMillis();
		while (running) {
			PGNotification[] notifications = postgres.getNotifications(poll);
			if (notifications != null && notifications.length > 0) {
				for (PGNotification notification : notifications) {
					connections.notified(notification.getParameter());
				}
			}
			else if (running && !connection.isValid(5)) {
				throw new SQLException("the listening connection is no longer valid");
			}
		}
	}

	/**
	 * A connection of its own, outside the pool, with the pool's settings; a pool that is
	 * not Hikari lends one of its connections for good.
	 */
	private Connection open() throws SQLException {
		if (dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
			Properties settings = new Properties();
			settings.putAll(pool.getDataSourceProperties());
			if (pool.getUsername() != null) {
				settings.setProperty("user", pool.getUsername());
			}
			if (pool.getPassword() != null) {
				settings.setProperty("password", pool.getPassword());
			}
			settings.setProperty("ApplicationName", "suxiu-live-listener");
			settings.setProperty("tcpKeepAlive", "true");
			return DriverManager.getConnection(pool.getJdbcUrl(), settings);
		}
		return dataSource.getConnection();
	}

	private void pause(Duration delay) {
		try {
			stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

}
