package org.suxiu.bench;

import java.util.Arrays;

/**
 * A growable array of primitive longs, so that recording a latency allocates nothing
 * while the load runs.
 */
final class LongList {

	private long[] values = new long[16_384];

	private int size;

	void add(long value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = value;
	}

	long[] toArray() {
		return Arrays.copyOf(this.values, this.size);
	}

}
