package org.suxiu.field.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suxiu.field.VirtualNumbers;
import org.suxiu.shared.PhoneNumber;

/**
 * The default without a 隐私号 provider (as SMS without a provider is logged): every call
 * goes to the property's own service number ({@code suxiu.calls.service-number}), whose
 * staff connect it, and the binding that a provider would have made is logged with the
 * numbers masked and kept for inspection. No real number is shown either way.
 */
public class RecordingVirtualNumbers implements VirtualNumbers {

	private static final Logger log = LoggerFactory.getLogger(RecordingVirtualNumbers.class);

	private final String serviceNumber;

	private final Clock clock;

	private final List<String> recorded = new CopyOnWriteArrayList<>();

	public RecordingVirtualNumbers(String serviceNumber, Clock clock) {
		this.serviceNumber = serviceNumber;
		this.clock = clock;
	}

	@Override
	public Binding bind(String a, String b, String reference, Duration ttl, boolean record) {
		String line = PhoneNumber.mask(a) + " → " + PhoneNumber.mask(b) + " about " + reference + " via "
				+ serviceNumber + (record ? ", recorded" : "");
		recorded.add(line);
		log.info("Virtual number (no provider configured): {}", line);
		return new Binding(serviceNumber, clock.instant().plus(ttl), record);
	}

	/** The bindings asked for so far, numbers masked. */
	public List<String> recorded() {
		return List.copyOf(recorded);
	}

}
