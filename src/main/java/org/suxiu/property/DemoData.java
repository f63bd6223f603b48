package org.suxiu.property;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.shared.RunMode;
import org.suxiu.shared.SuxiuProperties;

/**
 * Seeds the demo tenants of the public contract on the first start of the embedded run,
 * and never on a real database: project DEMO (示范花园) with its staff and two owners, and
 * tenant NORTH so that isolation can be seen.
 */
@Component
class DemoData implements SmartInitializingSingleton {

	static final String PASSWORD = "demo123";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final double BASE_LAT = 31.2304;

	private static final double BASE_LNG = 121.4737;

	private static final List<String[]> DEMO_STAFF = List.of(new String[] { "agent", "王静", "AGENT", "13900000101" },
			new String[] { "dispatcher", "赵强", "DISPATCHER", "13900000102" },
			new String[] { "supervisor", "孙伟", "SUPERVISOR", "13900000103" },
			new String[] { "manager", "周敏", "MANAGER", "13900000104" },
			new String[] { "admin", "吴磊", "ADMIN", "13900000105" });

	private static final String[] TECHNICIAN_NAMES = { "陈师傅", "刘师傅", "杨师傅", "黄师傅", "徐师傅", "马师傅", "朱师傅", "胡师傅", "郭师傅",
			"何师傅", "林师傅", "高师傅" };

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transactions;

	private final RunMode runMode;

	private final SuxiuProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DemoData(JdbcClient jdbc, PasswordEncoder passwords, TransactionTemplate transactions, RunMode runMode,
			SuxiuProperties properties, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.transactions = transactions;
		this.runMode = runMode;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!runMode.embedded() || !properties.demo()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			if (jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single() > 0) {
				return;
			}
			String hash = passwords.encode(PASSWORD);
			long demo = seedDemo(hash);
			long north = seedNorth(hash);
			events.publishEvent(new DemoDataSeeded(List.of(demo, north)));
			log.info("Seeded the demo tenants (project DEMO 示范花园, project NORTH 北苑); every password is {}", PASSWORD);
		});
	}

	private long seedDemo(String hash) {
		long tenant = insertTenant("demo", "示范物业");
		long project = insertProject(tenant, "DEMO", "示范花园", "上海市黄浦区示范路1号");
		for (int b = 1; b <= 6; b++) {
			long building = insertBuilding(project, b, BASE_LAT + 0.0009 * ((b - 1) / 3),
					BASE_LNG + 0.0011 * ((b - 1) % 3));
			for (int unit = 1; unit <= 2; unit++) {
				for (int floor = 1; floor <= 18; floor++) {
					for (int door = 1; door <= 2; door++) {
						jdbc.sql("INSERT INTO home (building_id, unit, room) VALUES (?, ?, ?)")
							.params(building, String.valueOf(unit), String.format("%d%02d", floor, door))
							.update();
					}
				}
			}
			for (int lift = 1; lift <= 2; lift++) {
				insertArea(project, b + "号楼" + lift + "号电梯", building);
			}
		}
		for (String area : List.of("地下车库", "水泵房", "配电房", "小区大门", "中心花园", "会所")) {
			insertArea(project, area, null);
		}
		for (String[] staff : DEMO_STAFF) {
			insertStaff(tenant, staff[0], staff[1], staff[2], staff[3], hash);
		}
		for (int t = 1; t <= 12; t++) {
			insertStaff(tenant, String.format("tech%02d", t), TECHNICIAN_NAMES[t - 1], "TECHNICIAN",
					String.format("139000002%02d", t), hash);
		}
		insertOwner("13800000001", "张伟", hash, project, "1", "1", "101");
		insertOwner("13800000002", "李娜", hash, project, "2", "1", "502");
		return tenant;
	}

	private long seedNorth(String hash) {
		long tenant = insertTenant("north", "北城物业");
		long project = insertProject(tenant, "NORTH", "北苑", "北京市朝阳区北苑路8号");
		for (int b = 1; b <= 2; b++) {
			long building = insertBuilding(project, b, 39.9042 + 0.001 * b, 116.4074);
			for (int floor = 1; floor <= 6; floor++) {
				jdbc.sql("INSERT INTO home (building_id, unit, room) VALUES (?, '1', ?)")
					.params(building, floor + "01")
					.update();
			}
			insertArea(project, b + "号楼1号电梯", building);
		}
		insertArea(project, "地下车库", null);
		insertStaff(tenant, "north-agent", "钱丽", "AGENT", "13900000301", hash);
		insertStaff(tenant, "north-dispatcher", "郑军", "DISPATCHER", "13900000302", hash);
		insertStaff(tenant, "north-tech01", "冯师傅", "TECHNICIAN", "13900000303", hash);
		insertOwner("13800000003", "韩梅", hash, project, "1", "1", "301");
		return tenant;
	}

	private long insertTenant(String code, String name) {
		return jdbc.sql("INSERT INTO tenant (code, name) VALUES (?, ?) RETURNING id")
			.params(code, name)
			.query(Long.class)
			.single();
	}

	private long insertProject(long tenant, String code, String name, String address) {
		return jdbc.sql("INSERT INTO project (tenant_id, code, name, address) VALUES (?, ?, ?, ?) RETURNING id")
			.params(tenant, code, name, address)
			.query(Long.class)
			.single();
	}

	private long insertBuilding(long project, int number, double lat, double lng) {
		return jdbc.sql("""
				INSERT INTO building (project_id, code, name, floors, lat, lng) VALUES (?, ?, ?, 18, ?, ?) RETURNING id
				""").params(project, String.valueOf(number), number + "号楼", lat, lng).query(Long.class).single();
	}

	private void insertArea(long project, String name, Long building) {
		jdbc.sql("INSERT INTO common_area (project_id, name, building_id, kind) VALUES (?, ?, ?, ?)")
			.params(project, name, building, AreaKind.guess(name).name())
			.update();
	}

	private void insertStaff(long tenant, String username, String name, String role, String phone, String hash) {
		jdbc.sql("""
				INSERT INTO staff (tenant_id, username, name, phone, role, password_hash, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""").params(tenant, username, name, phone, role, hash, now()).update();
	}

	private void insertOwner(String phone, String name, String hash, long project, String building, String unit,
			String room) {
		long owner = jdbc
			.sql("INSERT INTO owner (phone, name, password_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id")
			.params(phone, name, hash, now())
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO owner_home (owner_id, home_id)
				SELECT ?, h.id FROM home h JOIN building b ON b.id = h.building_id
				WHERE b.project_id = ? AND b.code = ? AND h.unit = ? AND h.room = ?
				""").params(owner, project, building, unit, room).update();
	}

	private java.sql.Timestamp now() {
		return java.sql.Timestamp.from(Instant.now(clock));
	}

}
