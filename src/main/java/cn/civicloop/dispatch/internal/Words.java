package cn.civicloop.dispatch.internal;

import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.dispatch.UnitAction;
import cn.civicloop.dispatch.UnitStatus;
import cn.civicloop.shared.Phrase;

/**
 * A status or action as a word inside a refusal's sentence ("警情已派警，不能派警", "The incident is dispatched: …"),
 * read from the bundles in the sentence's language: never a constant name such as ON_SCENE, and in English written
 * to stand mid-sentence (the page's labels, "On scene", begin with a capital).
 */
final class Words {

    private Words() {
    }

    static Phrase of(IncidentStatus status) {
        return Phrase.of("dispatch.incident.state." + status.name(), status.label());
    }

    static Phrase of(UnitStatus status) {
        return Phrase.of("dispatch.unit.state." + status.name(), status.label());
    }

    static Phrase of(UnitAction action) {
        return Phrase.of("dispatch.unit.action." + action.name(), action.label());
    }
}
