package org.suxiu.triage;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped rules on the examples the service plan names, and the matching mechanics.
 */
class RuleEngineTest {

	private static final RuleEngine SHIPPED = new RuleEngine(ShippedRules.load(JsonMapper.builder().build()));

	@ParameterizedTest(name = "{1} → {2}")
	@CsvSource({ "ELEVATOR,电梯困人,L1", "GAS,燃气泄漏,L1", "GAS,厨房有煤气味,L1", "PLUMBING,水管爆裂,L1", "ELECTRICAL,整栋停电,L1",
			"FIRE,烟感报警,L1", "PLUMBING,马桶堵了,L2", "ELECTRICAL,家里跳闸,L2", "DOOR_WINDOW,门锁坏了进不去,L2", "PLUMBING,水龙头滴水,L3",
			"ELECTRICAL,灯不亮,L3", "WALL_CEILING,墙皮脱落,L3", "APPLIANCE,空调清洗,L4", "OTHER,装修咨询,L4" })
	void gradesTheServicePlansExamples(Category category, String description, Grade expected) {
		assertThat(SHIPPED.grade(category, description).grade()).isEqualTo(expected);
	}

	@Test
	void aNegationCancelsThePhraseItPrecedes() {
		assertThat(SHIPPED.grade(Category.ELEVATOR, "电梯停了，没有人被困").grade()).isEqualTo(Grade.L2);
		assertThat(SHIPPED.grade(Category.GAS, "不是燃气泄漏，是灶打不着火").grade()).isEqualTo(Grade.L3);
	}

	@Test
	void aNegationInsideATwoPartPhraseCancelsIt() {
		assertThat(SHIPPED.grade(Category.DOOR_WINDOW, "门锁没坏，想换个C级锁芯，约个时间").grade()).isEqualTo(Grade.L4);
	}

	@Test
	void anANotAQuestionIsNotANegation() {
		var result = SHIPPED.grade(Category.OTHER, "有没有人能来看看燃气味");

		assertThat(result.grade()).isEqualTo(Grade.L1);
	}

	@Test
	void theNegationOfOneClauseDoesNotReachTheNext() {
		var result = SHIPPED.grade(Category.ELECTRICAL, "不是我家跳闸，是整栋楼都没电了");

		assertThat(result.grade()).isEqualTo(Grade.L1);
	}

	@Test
	void fullWidthCharactersMatchLikeHalfWidth() {
		assertThat(SHIPPED.grade(Category.ELEVATOR, "３号楼电梯困人！").grade()).isEqualTo(Grade.L1);
	}

	@Test
	void theCategoryDefaultDecidesWhenNoPhraseMatches() {
		var result = SHIPPED.grade(Category.ELEVATOR, "请尽快处理");

		assertThat(result.grade()).isEqualTo(Grade.L2);
		assertThat(result.matched()).isEmpty();
	}

	@Test
	void explainsWhichPhrasesDecided() {
		var result = SHIPPED.grade(Category.ELEVATOR, "电梯困人，两人被困");

		assertThat(result.matched()).containsExactly("困人", "被困");
		assertThat(String.join(",", result.matched())).contains("困人");
	}

	@Test
	void aStrongerRuleOfALessUrgentGradeWins() {
		TriageRules rules = new TriageRules(List.of(),
				List.of(new TriageRules.Rule(Grade.L2, List.of(), List.of("漏水"), 1),
						new TriageRules.Rule(Grade.L3, List.of(), List.of("有点"), 2)),
				java.util.Map.of(), Grade.L3);

		assertThat(new RuleEngine(rules).grade(Category.PLUMBING, "有点漏水").grade()).isEqualTo(Grade.L3);
	}

	@Test
	void aRuleLimitedToACategoryIgnoresOthers() {
		TriageRules rules = new TriageRules(List.of(),
				List.of(new TriageRules.Rule(Grade.L1, List.of(Category.GAS), List.of("闻到"), 1)), java.util.Map.of(),
				Grade.L3);

		assertThat(new RuleEngine(rules).grade(Category.GAS, "闻到怪味").grade()).isEqualTo(Grade.L1);
		assertThat(new RuleEngine(rules).grade(Category.OTHER, "闻到怪味").grade()).isEqualTo(Grade.L3);
	}

	/**
	 * Dangers an owner describes by what they see or hear, without the word for the
	 * danger: water reaching wiring, sparks, a little smoke, a child alone in a lift.
	 * Each one holds the order at L1 whatever the model says (found missing by
	 * descriptions written for this probe on 2026-12-06).
	 */
	@ParameterizedTest(name = "{0} → floor L1")
	@CsvSource({ "楼上漏下来的水流进了电箱，电箱一直在滴水", "卫生间插座进水了，不敢碰", "吸顶灯里都是水，还一闪一闪", "浴霸开关一按就冒火星", "不急，就是插座有点烫，刚才冒了点烟",
			"两岁孩子一个人跑进电梯，门关了不知道去了几楼", "老公开着燃气热水器洗澡，洗着洗着头晕站不住" })
	void aSafetyFloorHoldsWhatIsDescribedRatherThanNamed(String description) {
		assertThat(SHIPPED.floor(null, description)).hasValueSatisfying(f -> assertThat(f.grade()).isEqualTo(Grade.L1));
	}

	@Test
	void aWorryIsNotAnEmergency() {
		assertThat(SHIPPED.floor(null, "楼道里堆满纸箱，万一着火怎么办")).isEmpty();
		assertThat(SHIPPED.floor(null, "楼道里堆满纸箱，已经着火了")).isPresent();
	}

	@Test
	void aStoveThatLightsIsNotAFire() {
		assertThat(SHIPPED.floor(null, "燃气灶能打着火，就是热水器不出热水")).isEmpty();
		assertThat(SHIPPED.floor(null, "燃气灶旁边的抹布着火了")).isPresent();
	}

	@ParameterizedTest(name = "{0} → no L1 floor")
	@CsvSource({ "楼道灯一闪一闪的", "电箱门开着没关", "插座松了，插头插不紧", "电梯按钮不太灵" })
	void noL1FloorWithoutTheDanger(String description) {
		assertThat(SHIPPED.floor(null, description).map(RuleEngine.FloorMatch::grade))
			.isNotEqualTo(java.util.Optional.of(Grade.L1));
	}

}
