package org.suxiu.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a module wrote in the current transaction, kept until it ends, so that a listener
 * asking about it within the same transaction is answered without reading it back.
 * Outside a transaction, and in a transaction started inside another one, it holds
 * nothing.
 *
 * @param <K> the key, e.g. an order number
 * @param <V> what was written
 */
public final class TransactionScoped<K, V> {

	private final Object resourceKey = new Object();

	/** What was stored under {@code key} in this transaction, if anything. */
	public Optional<V> get(K key) {
		Holder<K, V> holder = current();
		return holder == null ? Optional.empty() : Optional.ofNullable(holder.values.get(key));
	}

	/** Remembers {@code value} until the transaction ends. */
	public void put(K key, V value) {
		Holder<K, V> holder = current();
		if (holder == null && TransactionSynchronizationManager.isSynchronizationActive()
				&& !TransactionSynchronizationManager.hasResource(resourceKey)) {
			holder = new Holder<>(resourceKey);
			TransactionSynchronizationManager.bindResource(resourceKey, holder);
			TransactionSynchronizationManager.registerSynchronization(holder);
		}
		if (holder != null) {
			holder.values.put(key, value);
		}
	}

	/** Forgets {@code key}, after a write this transaction does not keep a copy of. */
	public void forget(K key) {
		Object bound = TransactionSynchronizationManager.getResource(resourceKey);
		if (bound instanceof Holder<?, ?> holder) {
			holder.values.remove(key);
		}
	}

	@SuppressWarnings("unchecked")
	private Holder<K, V> current() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Object bound = TransactionSynchronizationManager.getResource(resourceKey);
		// a transaction suspended by an inner one keeps its synchronizations out of the
		// current list: the inner transaction sees nothing of the outer one's writes
		if (bound instanceof Holder<?, ?> holder
				&& TransactionSynchronizationManager.getSynchronizations().contains(holder)) {
			return (Holder<K, V>) holder;
		}
		return null;
	}

	private static final class Holder<K, V> implements TransactionSynchronization {

		private final Object resourceKey;

		private final Map<K, V> values = new HashMap<>();

		Holder(Object resourceKey) {
			this.resourceKey = resourceKey;
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(resourceKey);
		}

	}

}
