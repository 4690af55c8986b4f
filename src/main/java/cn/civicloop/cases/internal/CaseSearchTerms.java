package cn.civicloop.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.civicloop.classifier.SearchTerms;

/**
 * The search terms of a case (ADR 0020): the terms of its title, the resident's text and the department's reply,
 * written with the row ({@code cases_case.search_terms}). The address is left out: it is sealed at rest (ADR 0026),
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
     * The condition finding the cases whose terms hold all of {@code terms}: on PostgreSQL the GIN index's
     * containment, on H2 (the embedded demo) one LIKE per term. Adds its parameters to {@code params}.
     */
    static String condition(List<String> terms, boolean postgres, Map<String, Object> params) {
        if (postgres) {
            params.put("terms", arrayLiteral(terms));
            return "string_to_array(btrim(search_terms), ' ') @> cast(:terms as text[])";
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
