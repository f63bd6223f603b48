package org.suxiu.property;

import java.util.List;
import java.util.Map;

/**
 * What a common area (公共区域) is, so that pages can group them and a lift can be told from
 * a garden.
 */
public enum AreaKind {

	LIFT, GARAGE, PUMP_ROOM, POWER_ROOM, GATE, GARDEN, CLUBHOUSE, CORRIDOR, ROOF, FIRE_SYSTEM, PLAYGROUND, OTHER;

	private static final List<Map.Entry<String, AreaKind>> WORDS = List.of(Map.entry("电梯", LIFT),
			Map.entry("车库", GARAGE), Map.entry("停车", GARAGE), Map.entry("水泵", PUMP_ROOM), Map.entry("配电", POWER_ROOM),
			Map.entry("大门", GATE), Map.entry("门岗", GATE), Map.entry("花园", GARDEN), Map.entry("绿化", GARDEN),
			Map.entry("会所", CLUBHOUSE), Map.entry("楼道", CORRIDOR), Map.entry("走廊", CORRIDOR), Map.entry("屋顶", ROOF),
			Map.entry("天台", ROOF), Map.entry("消防", FIRE_SYSTEM), Map.entry("游乐", PLAYGROUND));

	/** The kind a Chinese area name suggests ({@code 1号楼1号电梯} → LIFT), else OTHER. */
	public static AreaKind guess(String name) {
		return WORDS.stream().filter(w -> name.contains(w.getKey())).map(Map.Entry::getValue).findFirst().orElse(OTHER);
	}

}
