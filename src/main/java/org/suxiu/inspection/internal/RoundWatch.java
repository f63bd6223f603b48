package org.suxiu.inspection.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.inspection.RoundMissed;

/**
 * Flags rounds not finished by their time to the supervisor, once (a conditional update),
 * whichever instance looks first.
 */
@Component
class RoundWatch {

	private static final Logger log = LoggerFactory.getLogger(RoundWatch.class);

	private final InspectionStore store;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	RoundWatch(InspectionStore store, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
			@Value("${suxiu.inspection.watch.enabled:true}") boolean enabled) {
		this.store = store;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${suxiu.inspection.watch.interval:PT1M}", initialDelayString = "PT40S")
	void run() {
		if (!enabled) {
			return;
		}
		try {
			flagMissed();
		}
		catch (RuntimeException ex) {
			log.error("Missed rounds could not be flagged; retrying on the next run", ex);
		}
	}

	/** Flags every round past its time; answers how many this call flagged. */
	int flagMissed() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		int flagged = 0;
		for (long id : store.overdue(now)) {
			Boolean done = transactions.execute(status -> {
				if (!store.flag(id, now)) {
					return false;
				}
				InspectionStore.Round round = store.round(id, now).orElseThrow();
				events.publishEvent(new RoundMissed(id, round.view().projectId(), round.view().assigneeId(),
						round.view().dueBy(), now));
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				flagged++;
			}
		}
		return flagged;
	}

}
