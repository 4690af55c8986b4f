package cn.civicloop.opinion;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Words of one test run for the opinion tests' titles. On PostgreSQL the test database outlives the run, so a title
 * of only a test's fixed words would join the topic an earlier run left there and count its posts twice.
 */
public final class RunTexts {

    private RunTexts() {
    }

    /** Ten Chinese characters drawn at random: no other run's titles hold them. */
    public static String unique() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            b.appendCodePoint(0x4E00 + ThreadLocalRandom.current().nextInt(0x9FA5 - 0x4E00));
        }
        return b.toString();
    }
}
