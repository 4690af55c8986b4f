package cn.civicloop.triage.internal;

import java.util.BitSet;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The characters a match of a hazard pattern can begin with (起始字), read from the pattern's text. The
 * regular-expression engine tries every branch of an alternation at every position of the text; the shipped
 * rules are alternations of 10 to 40 phrases, so nearly all of that work is at positions where no phrase begins.
 * With these characters the engine is started only where one of them stands, and finds the same matches: a match
 * that consumes at least one character begins with a character of its pattern's first position.
 * <p>
 * Only the syntax the rules use is read: literal characters, escaped punctuation, character classes of characters
 * and ranges, groups (capturing, non-capturing, named, atomic), lookahead and lookbehind (they consume nothing),
 * alternation and quantifiers; {@code .}, {@code \d}, {@code \s}, {@code \w} and a negated class count as any
 * character. A pattern with anything else (anchors, inline flags, a back-reference, {@code \p}, a Unicode escape), one
 * that can match without consuming a character or one that can begin with any character has no starts, and is
 * matched as before, at every position.
 */
final class MatchStarts {

    private final BitSet chars;

    private MatchStarts(BitSet chars) {
        this.chars = chars;
    }

    /** The starts of a compiled pattern, or empty when the pattern uses syntax this reading leaves alone. */
    static Optional<MatchStarts> of(Pattern pattern) {
        if ((pattern.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)) != 0) {
            return Optional.empty();
        }
        Reader reader = new Reader(pattern.pattern());
        Part whole;
        try {
            whole = reader.alternation();
        } catch (Unknown e) {
            return Optional.empty();
        }
        if (reader.at < reader.pattern.length() || whole.nullable()
                || whole.first().cardinality() > Character.MAX_VALUE) {
            return Optional.empty(); // a match may begin anywhere: nothing to skip
        }
        BitSet chars = (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0 ? anyCase(whole.first()) : whole.first();
        return Optional.of(new MatchStarts(chars));
    }

    /** The first position from {@code from} on where a match can begin, or -1. */
    int next(CharSequence text, int from) {
        for (int i = from, n = text.length(); i < n; i++) {
            if (chars.get(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a match can begin with {@code c}; for tests. */
    boolean canStartWith(char c) {
        return chars.get(c);
    }

    /**
     * Every character a case-insensitive engine may take for one of {@code chars}: the engine compares a character's
     * upper and lower case, and the lower case of its upper case, so each of those is looked up.
     */
    private static BitSet anyCase(BitSet chars) {
        BitSet folded = new BitSet();
        chars.stream().forEach(c -> folded.set(fold(c)));
        BitSet all = (BitSet) chars.clone();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (chars.get(Character.toUpperCase(c)) || chars.get(Character.toLowerCase(c))
                    || chars.get(Character.toTitleCase(c)) || folded.get(fold(c))) {
                all.set(c);
            }
        }
        return all;
    }

    private static int fold(int c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** What a piece of a pattern can begin with, and whether it can match nothing at all. */
    private record Part(BitSet first, boolean nullable) {

        static Part empty() {
            return new Part(new BitSet(), true);
        }

        Part or(Part other) {
            BitSet both = (BitSet) first.clone();
            both.or(other.first);
            return new Part(both, nullable || other.nullable);
        }
    }

    /** Syntax this reading does not know. */
    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    /** A recursive reading of the pattern's text. */
    private static final class Reader {

        private final String pattern;
        private int at;

        Reader(String pattern) {
            this.pattern = pattern;
        }

        Part alternation() {
            Part result = sequence();
            while (more() && peek() == '|') {
                at++;
                result = result.or(sequence());
            }
            return result;
        }

        private Part sequence() {
            BitSet first = new BitSet();
            boolean nullable = true;
            while (more() && peek() != '|' && peek() != ')') {
                Part piece = quantified(atom());
                if (nullable) {
                    first.or(piece.first());
                    nullable = piece.nullable();
                }
            }
            return new Part(first, nullable);
        }

        private Part atom() {
            char c = pattern.charAt(at++);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return characterClass();
                case '\\':
                    if (more() && "dDsSwW".indexOf(peek()) >= 0) {
                        at++;
                        return any();
                    }
                    return single(escaped());
                case '.':
                    return any();
                case '^', '$', '*', '+', '?', '{', '}', ']':
                    throw new Unknown();
                default:
                    return single(literal(c));
            }
        }

        private Part group() {
            boolean consumes = true;
            if (more() && peek() == '?') {
                at++;
                char kind = next();
                if (kind == '=' || kind == '!') {
                    consumes = false;
                } else if (kind == '<' && more() && (peek() == '=' || peek() == '!')) {
                    at++;
                    consumes = false;
                } else if (kind == '<' && more() && Character.isLetter(peek())) {
                    while (next() != '>') {
                        // the group's name
                    }
                } else if (kind != ':' && kind != '>') {
                    throw new Unknown(); // inline flags and the like
                }
            }
            Part inside = alternation();
            if (!more() || next() != ')') {
                throw new Unknown();
            }
            return consumes ? inside : Part.empty();
        }

        private Part characterClass() {
            BitSet chars = new BitSet();
            boolean negated = more() && peek() == '^';
            if (negated) {
                at++;
            }
            if (!more() || peek() == ']') {
                throw new Unknown();
            }
            boolean firstInClass = true;
            while (true) {
                char c = next();
                if (c == ']') {
                    break;
                }
                if (c == '[' || (c == '&' && more() && peek() == '&')) {
                    throw new Unknown();
                }
                if (c == '-' && !firstInClass && !(more() && peek() == ']')) {
                    throw new Unknown();
                }
                char low = c == '\\' ? escaped() : literal(c);
                if (more() && peek() == '-' && at + 1 < pattern.length() && pattern.charAt(at + 1) != ']') {
                    at++;
                    char h = next();
                    char high = h == '\\' ? escaped() : literal(h);
                    if (h == '[' || high < low) {
                        throw new Unknown();
                    }
                    chars.set(low, high + 1);
                } else {
                    chars.set(low);
                }
                firstInClass = false;
            }
            return negated ? any() : new Part(chars, false);
        }

        private Part quantified(Part atom) {
            if (!more()) {
                return atom;
            }
            boolean optional;
            switch (peek()) {
                case '?', '*' -> {
                    at++;
                    optional = true;
                }
                case '+' -> {
                    at++;
                    optional = false;
                }
                case '{' -> {
                    at++;
                    int min = number();
                    if (more() && peek() == ',') {
                        at++;
                        if (more() && Character.isDigit(peek())) {
                            number();
                        }
                    }
                    if (next() != '}') {
                        throw new Unknown();
                    }
                    optional = min == 0;
                }
                default -> {
                    return atom;
                }
            }
            if (more() && (peek() == '?' || peek() == '+')) {
                at++; // reluctant or possessive: the same characters can begin it
            }
            if (more() && (peek() == '?' || peek() == '*' || peek() == '+' || peek() == '{')) {
                throw new Unknown();
            }
            return optional ? new Part(atom.first(), true) : atom;
        }

        private int number() {
            int start = at;
            while (more() && Character.isDigit(peek())) {
                at++;
            }
            if (start == at) {
                throw new Unknown();
            }
            return Integer.parseInt(pattern.substring(start, at));
        }

        /** The character after a backslash, when it stands for itself (punctuation); letters and digits are syntax. */
        private char escaped() {
            char c = next();
            if (c < 128 && Character.isLetterOrDigit(c)) {
                throw new Unknown();
            }
            return literal(c);
        }

        private static char literal(char c) {
            if (Character.isSurrogate(c)) {
                throw new Unknown();
            }
            return c;
        }

        /** Any character (more than {@code .} takes: a superset does no harm). */
        private static Part any() {
            BitSet all = new BitSet();
            all.set(0, Character.MAX_VALUE + 1);
            return new Part(all, false);
        }

        private static Part single(char c) {
            BitSet one = new BitSet();
            one.set(c);
            return new Part(one, false);
        }

        private boolean more() {
            return at < pattern.length();
        }

        private char peek() {
            return pattern.charAt(at);
        }

        private char next() {
            if (!more()) {
                throw new Unknown();
            }
            return pattern.charAt(at++);
        }
    }
}
