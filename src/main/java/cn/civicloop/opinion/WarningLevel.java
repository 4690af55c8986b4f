package cn.civicloop.opinion;

/**
 * Warning level of a topic (预警等级), from its heat index and the thresholds in the settings. {@link #NONE} below
 * blue. Shown by colour and by the label {@code opinion.level.<NAME>} of the module's bundle.
 */
public enum WarningLevel {
    NONE, BLUE, YELLOW, ORANGE, RED;

    /** The highest level whose threshold {@code heat} reaches; thresholds are blue, yellow, orange, red ascending. */
    public static WarningLevel of(double heat, double[] thresholds) {
        WarningLevel level = NONE;
        for (int i = 0; i < thresholds.length && i < 4; i++) {
            if (heat >= thresholds[i]) {
                level = values()[i + 1];
            }
        }
        return level;
    }
}
