package cn.civicloop.triage.internal.learning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.civicloop.classifier.RoutingExample;

/**
 * What the case loop teaches (闭环学习), as a rule: a closed case's outcome — the category it was finally closed under,
 * after any reassignment — counts {@code weight} times; a dispatcher's manual correction counts once, and only for a
 * case that has no outcome yet (once closed, the outcome is the truth the correction was heading for); cases voided or
 * merged into another teach nothing.
 */
public final class LoopExamples {

    /** A closed case: its text and the category it was closed under. */
    public record Outcome(String caseNumber, String title, String content, String category) {
    }

    /** A manual correction: the text and the category the dispatcher's choice implies. */
    public record Correction(String caseNumber, String title, String content, String label) {
    }

    private LoopExamples() {
    }

    public static List<RoutingExample> of(List<Outcome> outcomes, List<Correction> corrections, Set<String> excluded,
            Set<String> categories, int weight) {
        List<RoutingExample> examples = new ArrayList<>();
        Set<String> closed = new HashSet<>();
        for (Outcome o : outcomes) {
            if (excluded.contains(o.caseNumber()) || !categories.contains(o.category()) || !hasText(o.title(), o.content())) {
                continue;
            }
            closed.add(o.caseNumber());
            for (int i = 0; i < weight; i++) {
                examples.add(new RoutingExample(o.title(), o.content(), o.category()));
            }
        }
        for (Correction c : corrections) {
            if (excluded.contains(c.caseNumber()) || closed.contains(c.caseNumber()) || c.label() == null
                    || !categories.contains(c.label()) || !hasText(c.title(), c.content())) {
                continue;
            }
            examples.add(new RoutingExample(c.title(), c.content(), c.label()));
        }
        return examples;
    }

    private static boolean hasText(String title, String content) {
        return (title != null && !title.isBlank()) || (content != null && !content.isBlank());
    }
}
