package cn.civicloop.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.civicloop.classifier.SearchTerms;

/**
 * The search terms of a case: the terms of its title, the resident's text and the department's reply. On H2 (ADR
 * 0020) they are written with the row ({@code cases_case.search_terms}); on PostgreSQL (ADR 0056) they are not
 * stored: the GIN index is over the SQL function {@code cases_text_terms(title, content, reply_text)} (V420), and a
 * query's terms are made by its twin {@link #indexTerms}. The address is left out: it is sealed at rest (ADR 0026),
 * and its terms in clear beside it would undo that. A query is matched by its terms through the index, then the
 * phrase itself is checked on the candidates, so a search finds what it says literally.
 */
final class CaseSearchTerms {

    private CaseSearchTerms() {
    }

    /** A run of this many digits or more may be a phone number: never a stored term. */
    static final int PHONE_LIKE_DIGITS = 7;

    static String of(String title, String content, String reply) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : new String[] {title, content, reply}) {
            terms.addAll(withoutPhoneNumbers(SearchTerms.of(text)));
        }
        return SearchTerms.column(new ArrayList<>(terms));
    }

    /** The terms a query asks for, made as the stored ones; empty: nothing to search for. */
    static List<String> ofQuery(String query) {
        return withoutPhoneNumbers(SearchTerms.ofQuery(query));
    }

    /** The terms a query asks for on the database in use: PostgreSQL's index terms or H2's stored ones. */
    static List<String> ofQuery(String query, boolean postgres) {
        return postgres ? indexTerms(query) : ofQuery(query);
    }

    /** A run of ASCII letters or digits, or of Chinese characters (the CJK blocks), as V420's function reads them. */
    private static final Pattern RUN = Pattern.compile(
            "[0-9A-Za-z]+|[\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FAFF}\\x{20000}-\\x{323AF}]+");

    /**
     * The terms PostgreSQL's index holds for a text, the twin of the SQL function {@code cases_text_terms} (V420):
     * the bigrams of each run of Chinese characters (a run of one gives itself), each run of ASCII letters or digits
     * in lower case cut at {@value SearchTerms#MAX_TERM}, no phone-like digit run. No normal form (全角, 繁体): the
     * phrase check after the index is literal, so the terms need only hold those of the text as written.
     */
    static List<String> indexTerms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher run = RUN.matcher(text == null ? "" : text);
        while (run.find()) {
            String found = run.group();
            if (found.charAt(0) < 0x80) {
                terms.add(found.substring(0, Math.min(found.length(), SearchTerms.MAX_TERM))
                        .toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            int[] cps = found.codePoints().toArray();
            if (cps.length == 1) {
                terms.add(found);
            }
            for (int i = 0; i + 1 < cps.length; i++) {
                terms.add(new String(cps, i, 2));
            }
        }
        return withoutPhoneNumbers(new ArrayList<>(terms));
    }

    /**
     * The terms without long digit runs: a phone number a resident wrote into his text ("联系我13912345678") would
     * otherwise be stored a second time, in clear, in the terms of the case (the contact phone is sealed, ADR 0026).
     * A search for a whole phone number goes through the sealed contact's keyed hash instead.
     */
    private static List<String> withoutPhoneNumbers(List<String> terms) {
        return terms.stream().filter(t -> t.length() < PHONE_LIKE_DIGITS || !t.chars().allMatch(Character::isDigit))
                .toList();
    }


    /**
     * The condition finding the cases whose terms hold all of {@code terms}: on PostgreSQL the containment in the
     * expression GIN index (the expression exactly as V420 indexes it), on H2 (the embedded demo) one LIKE per
     * stored term. Adds its parameters to {@code params}.
     */
    static String condition(List<String> terms, boolean postgres, Map<String, Object> params) {
        if (postgres) {
            params.put("terms", arrayLiteral(terms));
            return "cases_text_terms(title, content, reply_text) @> cast(:terms as text[])";
        }
        List<String> likes = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            params.put("term" + i, "% " + CaseList.likeLiteral(terms.get(i)) + " %");
            likes.add("search_terms like :term" + i + " escape '\\'");
        }
        return "(" + String.join(" and ", likes) + ")";
    }

    private static String arrayLiteral(List<String> terms) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < terms.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"')
                    .append(terms.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }
}
