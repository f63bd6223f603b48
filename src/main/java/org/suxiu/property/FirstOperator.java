package org.suxiu.property;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A hosting provider's first way in, as the bootstrap administrator is a company's: given
 * {@code SUXIU_PLATFORM_OPERATOR_PASSWORD}, the first start creates the platform operator
 * account, once; it then creates the property companies and their first administrators.
 */
@Component
class FirstOperator implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(FirstOperator.class);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String username;

	private final String password;

	FirstOperator(JdbcClient jdbc, PasswordEncoder passwords, TransactionTemplate transactions, Clock clock,
			@Value("${suxiu.platform.operator-username:operator}") String username,
			@Value("${suxiu.platform.operator-password:}") String password) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.transactions = transactions;
		this.clock = clock;
		this.username = username;
		this.password = password;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (password.isBlank()) {
			return;
		}
		if (password.length() < 12) {
			throw new IllegalStateException("suxiu.platform.operator-password must be at least 12 characters");
		}
		transactions.executeWithoutResult(status -> {
			if (jdbc.sql("SELECT count(*) FROM platform_operator").query(Long.class).single() > 0) {
				return;
			}
			if (jdbc.sql("SELECT count(*) FROM staff WHERE username = ?")
				.param(username)
				.query(Long.class)
				.single() > 0) {
				throw new IllegalStateException(
						"suxiu.platform.operator-username '" + username + "' is a staff account");
			}
			jdbc.sql("INSERT INTO platform_operator (username, name, password_hash, created_at) VALUES (?, ?, ?, ?)")
				.params(username, "平台运营", passwords.encode(password), Timestamp.from(clock.instant()))
				.update();
			log.info("Created the platform operator '{}'", username);
		});
	}

}
