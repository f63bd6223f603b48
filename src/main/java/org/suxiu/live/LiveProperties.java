package org.suxiu.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code suxiu.live.*}.
 *
 * @param retention how long events stay replayable (at least a day by default)
 * @param cleanupInterval how often expired events are deleted
 * @param heartbeat how often an idle stream gets a comment, so that proxies keep it open;
 * each heartbeat also re-reads the feed in case a notification was lost
 * @param streamTimeout how long one stream lasts before the server ends it and the client
 * reconnects with {@code Last-Event-ID}
 * @param retry the reconnection delay suggested to clients ({@code retry:})
 * @param maxConnectionsPerUser streams one person may hold on one instance; a further one
 * closes their oldest
 * @param batchSize events read per query
 * @param senderThreads threads that read the feed and write to streams
 * @param recheck how often to check, for streams whose events wait for an older
 * transaction, whether it has ended
 * @param listenerPoll how long the listening connection waits for notifications before
 * checking that it is still alive
 * @param reconnectDelay pause before the listening connection reconnects after a failure
 */
@ConfigurationProperties("suxiu.live")
record LiveProperties(Duration retention, Duration cleanupInterval, Duration heartbeat, Duration streamTimeout,
		Duration retry, Integer maxConnectionsPerUser, Integer batchSize, Integer senderThreads, Duration recheck,
		Duration listenerPoll, Duration reconnectDelay) {

	LiveProperties {
		retention = retention == null ? Duration.ofHours(24) : retention;
		cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
		heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
		streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
		retry = retry == null ? Duration.ofSeconds(3) : retry;
		maxConnectionsPerUser = maxConnectionsPerUser == null ? 5 : maxConnectionsPerUser;
		batchSize = batchSize == null ? 500 : batchSize;
		senderThreads = senderThreads == null ? 2 : senderThreads;
		recheck = recheck == null ? Duration.ofMillis(20) : recheck;
		listenerPoll = listenerPoll == null ? Duration.ofSeconds(10) : listenerPoll;
		reconnectDelay = reconnectDelay == null ? Duration.ofSeconds(1) : reconnectDelay;
		if (maxConnectionsPerUser < 1 || batchSize < 1 || senderThreads < 1) {
			throw new IllegalArgumentException("suxiu.live: connection limit, batch and threads must be positive");
		}
	}

}
