package cn.civicloop.shared;

/**
 * The audit log as every module writes to it (implemented by the security module, which keeps the keyed chain): reads
 * and exports of personal data, searches by phone, and changes whose before and after the audit must show. The member
 * of staff and the client address are taken from the current request; outside a request the actor is the system.
 * Here in the shared kernel because modules that security itself depends on (the directory) write to it too.
 */
public interface AuditTrail {

    /** One audit row: {@code action} (an upper-case code, see the audit page's list), what it was done to, outcome. */
    void record(String action, String target, String outcome, String detail);

    /** A member of staff was shown personal data in clear (a case's contact, a caller's number). */
    default void personalDataRead(String target, String what) {
        record("PERSONAL_DATA_READ", target, "OK", what);
    }

    /** A search by phone number or another personal identifier; {@code what} must not repeat the number in clear. */
    default void personalDataSearch(String target, String what) {
        record("PERSONAL_DATA_SEARCH", target, "OK", what);
    }

    /** Personal data left the system in a file (Excel, CSV): what and how many rows. */
    default void personalDataExport(String target, String what) {
        record("PERSONAL_DATA_EXPORT", target, "OK", what);
    }

    /**
     * A request a resident made himself, proved by his case number and tracking code (no account): recorded with the
     * actor {@code RESIDENT} and the case as its target, from the request's client address.
     */
    void recordResident(String action, String caseNumber, String outcome, String detail);

    /** PIPL: a resident had his contact data erased from his case ({@code what}: what was masked). */
    default void personalDataErased(String caseNumber, String what) {
        recordResident("PERSONAL_DATA_ERASED", caseNumber, "OK", what);
    }

    /** PIPL: personal data masked for good when its retention period ended (by the system, or whoever ran it). */
    default void personalDataMasked(String target, String what) {
        record("PERSONAL_DATA_MASKED", target, "OK", what);
    }

    /**
     * A change of configuration, of a role or of an account, with the values themselves before and after (records,
     * maps, lists; {@code null} when the thing was created or removed; never a password or personal data). Stored as
     * compact JSON {@code {"before":…,"after":…}} in the row's detail, with the outcome {@code CREATED},
     * {@code CHANGED} or {@code DELETED}. Inside a transaction the row is written once it commits, so a change that
     * rolls back leaves no row claiming it happened.
     */
    default void change(String action, String target, Object before, Object after) {
        change(action, target, before == null ? "CREATED" : after == null ? "DELETED" : "CHANGED", before, after);
    }

    /** {@link #change(String, String, Object, Object)} with an outcome of its own (e.g. {@code PASSWORD_RESET}). */
    void change(String action, String target, String outcome, Object before, Object after);
}
