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
import org.suxiu.shared.RunMode;

/**
 * On a real database nobody could sign in at first: given
 * {@code SUXIU_BOOTSTRAP_ADMIN_PASSWORD}, the first start creates the property company
 * and its administrator, once.
 */
@Component
class FirstAdministrator implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final RunMode runMode;

	private final String password;

	private final String tenantCode;

	private final String tenantName;

	FirstAdministrator(JdbcClient jdbc, PasswordEncoder passwords, TransactionTemplate transactions, Clock clock,
			RunMode runMode, @Value("${suxiu.bootstrap.admin-password:}") String password,
			@Value("${suxiu.bootstrap.tenant-code:default}") String tenantCode,
			@Value("${suxiu.bootstrap.tenant-name:物业公司}") String tenantName) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.transactions = transactions;
		this.clock = clock;
		this.runMode = runMode;
		this.password = password;
		this.tenantCode = tenantCode;
		this.tenantName = tenantName;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (password.isBlank() || runMode.embedded()) {
			return;
		}
		if (password.length() < 12) {
			throw new IllegalStateException("suxiu.bootstrap.admin-password must be at least 12 characters");
		}
		transactions.executeWithoutResult(status -> {
			if (jdbc.sql("SELECT count(*) FROM staff").query(Long.class).single() > 0) {
				return;
			}
			long tenant = jdbc.sql("INSERT INTO tenant (code, name) VALUES (?, ?) RETURNING id")
				.params(tenantCode, tenantName)
				.query(Long.class)
				.single();
			jdbc.sql("""
					INSERT INTO staff (tenant_id, username, name, role, password_hash, created_at)
					VALUES (?, 'admin', '管理员', 'ADMIN', ?, ?)
					""").params(tenant, passwords.encode(password), Timestamp.from(clock.instant())).update();
			log.info("Created tenant '{}' and its administrator 'admin'", tenantCode);
		});
	}

}
