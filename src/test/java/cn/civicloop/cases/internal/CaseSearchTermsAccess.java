package cn.civicloop.cases.internal;

/** The search terms of a case as the application writes them, for the history generator of the scale benchmark. */
public final class CaseSearchTermsAccess {

    private CaseSearchTermsAccess() {
    }

    public static String of(String title, String content, String reply) {
        return CaseSearchTerms.of(title, content, reply);
    }
}
