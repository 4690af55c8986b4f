package cn.civicloop.dispatch.internal;

import java.util.Locale;

/**
 * A status or action in the English half of a refusal ("警情已派警，不能派警 (the incident is dispatched)"): the
 * English page shows that half, so it must read as words, never as a constant name such as ON_SCENE.
 */
final class Words {

    private Words() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
