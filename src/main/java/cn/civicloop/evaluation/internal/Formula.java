package cn.civicloop.evaluation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * An indicator's formula over the fact table: numbers, {@code + - * /}, parentheses and
 * {@code count(FACT[, condition & condition ...])}. Conditions: {@code hit}, {@code miss}, {@code first},
 * {@code returned}, {@code replied}, {@code satisfied}, {@code basic}, {@code dissatisfied}, {@code rated1} …
 * {@code rated5}. A division by zero gives
 * no value ("—"), never 0 or NaN.
 */
final class Formula {

    /** A count of facts: the unit of which every figure is made, and the query of its drill-down. */
    record Term(Fact fact, Set<String> conditions) {
        String key() {
            return "count(" + fact + (conditions.isEmpty() ? "" : ", " + String.join(" & ", conditions)) + ")";
        }
    }

    static final Map<String, String> CONDITIONS = Map.ofEntries(
            Map.entry("hit", "f.hit"),
            Map.entry("miss", "not f.hit"),
            Map.entry("first", "f.first_dispatch"),
            Map.entry("returned", "f.outcome = 'RETURNED'"),
            Map.entry("replied", "f.outcome = 'REPLIED'"),
            Map.entry("satisfied", "f.outcome = 'SATISFIED'"),
            Map.entry("basic", "f.outcome = 'BASICALLY_SATISFIED'"),
            Map.entry("dissatisfied", "f.outcome = 'DISSATISFIED'"),
            // a whistle-blower's rating of a department (WHISTLE_RATING)
            Map.entry("rated1", "f.outcome = 'RATED_1'"),
            Map.entry("rated2", "f.outcome = 'RATED_2'"),
            Map.entry("rated3", "f.outcome = 'RATED_3'"),
            Map.entry("rated4", "f.outcome = 'RATED_4'"),
            Map.entry("rated5", "f.outcome = 'RATED_5'"),
            // a cleared incident (POLICE_RESPONSE): its priority, and whether a unit reported its arrival
            Map.entry("p1", "f.priority = 1"),
            Map.entry("p2", "f.priority = 2"),
            Map.entry("p3", "f.priority = 3"),
            Map.entry("p4", "f.priority = 4"),
            Map.entry("onscene", "f.response_seconds is not null"));

    /**
     * The same conditions tested on a group of counted facts (FactGroup): what each SQL predicate above says, where
     * a null column never satisfies a condition (hit and first dispatch are never null).
     */
    static final Map<String, java.util.function.Predicate<FactGroup>> TESTS = Map.ofEntries(
            Map.entry("hit", FactGroup::hit),
            Map.entry("miss", g -> !g.hit()),
            Map.entry("first", FactGroup::first),
            Map.entry("returned", g -> "RETURNED".equals(g.outcome())),
            Map.entry("replied", g -> "REPLIED".equals(g.outcome())),
            Map.entry("satisfied", g -> "SATISFIED".equals(g.outcome())),
            Map.entry("basic", g -> "BASICALLY_SATISFIED".equals(g.outcome())),
            Map.entry("dissatisfied", g -> "DISSATISFIED".equals(g.outcome())),
            Map.entry("rated1", g -> "RATED_1".equals(g.outcome())),
            Map.entry("rated2", g -> "RATED_2".equals(g.outcome())),
            Map.entry("rated3", g -> "RATED_3".equals(g.outcome())),
            Map.entry("rated4", g -> "RATED_4".equals(g.outcome())),
            Map.entry("rated5", g -> "RATED_5".equals(g.outcome())),
            Map.entry("p1", g -> Integer.valueOf(1).equals(g.priority())),
            Map.entry("p2", g -> Integer.valueOf(2).equals(g.priority())),
            Map.entry("p3", g -> Integer.valueOf(3).equals(g.priority())),
            Map.entry("p4", g -> Integer.valueOf(4).equals(g.priority())),
            Map.entry("onscene", FactGroup::onScene));

    static {
        // a condition the parser accepts must be countable on groups too: refused at start, not at the first figure
        if (!TESTS.keySet().equals(CONDITIONS.keySet())) {
            throw new IllegalStateException("conditions without both an SQL predicate and a test on groups: "
                    + TESTS.keySet() + " / " + CONDITIONS.keySet());
        }
    }

    private sealed interface Node permits Num, Count, Op {
    }

    private record Num(double value) implements Node {
    }

    private record Count(Term term) implements Node {
    }

    private record Op(char op, Node left, Node right) implements Node {
    }

    private final String text;
    private final Node root;
    private final List<Term> terms;

    private Formula(String text, Node root, List<Term> terms) {
        this.text = text;
        this.root = root;
        this.terms = List.copyOf(terms);
    }

    static Formula parse(String text) {
        if (text == null || text.isBlank() || text.length() > 400) {
            throw new InvalidInputException("formula", Phrase.of("problem.evaluation.formula-length", "公式不能为空且不超过400字符"));
        }
        Parser p = new Parser(text);
        Node root = p.expr();
        p.skip();
        if (p.pos != text.length()) {
            throw p.error(Phrase.of("problem.evaluation.formula-trailing", "多余的内容"));
        }
        if (p.terms.isEmpty()) {
            throw new InvalidInputException("formula", Phrase.of("problem.evaluation.formula-counts-nothing", "公式至少含一个 count(...)"));
        }
        return new Formula(text.strip(), root, new ArrayList<>(p.terms));
    }

    String text() {
        return text;
    }

    /** The counts this formula needs, each once, in order of appearance. */
    List<Term> terms() {
        return terms;
    }

    /** The value for these counts; {@code null} when a divisor is zero. */
    Double evaluate(Map<Term, Long> counts) {
        return eval(root, counts);
    }

    private static Double eval(Node node, Map<Term, Long> counts) {
        if (node instanceof Num n) {
            return n.value();
        }
        if (node instanceof Count c) {
            return (double) counts.getOrDefault(c.term(), 0L);
        }
        Op o = (Op) node;
        Double l = eval(o.left(), counts);
        Double r = eval(o.right(), counts);
        if (l == null || r == null) {
            return null;
        }
        return switch (o.op()) {
            case '+' -> l + r;
            case '-' -> l - r;
            case '*' -> l * r;
            default -> r == 0 ? null : l / r;
        };
    }

    private static final class Parser {
        final String s;
        int pos;
        final Set<Term> terms = new LinkedHashSet<>();

        Parser(String s) {
            this.s = s;
        }

        Node expr() {
            Node left = product();
            for (skip(); pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-'); skip()) {
                char op = s.charAt(pos++);
                left = new Op(op, left, product());
            }
            return left;
        }

        Node product() {
            Node left = factor();
            for (skip(); pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/'); skip()) {
                char op = s.charAt(pos++);
                left = new Op(op, left, factor());
            }
            return left;
        }

        Node factor() {
            skip();
            if (pos >= s.length()) {
                throw error(Phrase.of("problem.evaluation.formula-incomplete", "公式不完整"));
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = expr();
                expect(')');
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                try {
                    return new Num(Double.parseDouble(s.substring(start, pos)));
                } catch (NumberFormatException bad) {
                    throw error(Phrase.of("problem.evaluation.formula-number", "数字有误"));
                }
            }
            String word = word();
            if (!word.equalsIgnoreCase("count")) {
                throw error(Phrase.of("problem.evaluation.formula-word", "未知的词 {0}", word));
            }
            expect('(');
            String factName = word().toUpperCase(Locale.ROOT);
            Fact fact;
            try {
                fact = Fact.valueOf(factName);
            } catch (IllegalArgumentException unknown) {
                throw error(Phrase.of("problem.evaluation.formula-fact", "未知的事实 {0}", factName));
            }
            Set<String> conditions = new TreeSet<>();
            skip();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                do {
                    String cond = word().toLowerCase(Locale.ROOT);
                    if (!CONDITIONS.containsKey(cond)) {
                        throw error(Phrase.of("problem.evaluation.formula-condition", "未知的条件 {0}", cond));
                    }
                    conditions.add(cond);
                    skip();
                } while (pos < s.length() && s.charAt(pos) == '&' && ++pos > 0);
            }
            expect(')');
            Term term = new Term(fact, java.util.Collections.unmodifiableSet(conditions));
            terms.add(term);
            return new Count(term);
        }

        String word() {
            skip();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error(Phrase.of("problem.evaluation.formula-name", "此处应为名称"));
            }
            return s.substring(start, pos);
        }

        void expect(char c) {
            skip();
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw error(Phrase.of("problem.evaluation.formula-expected", "此处应为 {0}", "'" + c + "'"));
            }
            pos++;
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        InvalidInputException error(Phrase what) {
            return new InvalidInputException("formula",
                    Phrase.of("problem.evaluation.formula-at", "公式第{0}个字符处：{1}", pos + 1, what));
        }
    }
}
