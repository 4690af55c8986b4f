package cn.civicloop.cases;

/** PIPL: a resident's request to erase his contact data from a case, proved by the case number and tracking code. */
public interface ContactErasure {

    /**
     * Masks the name, phone and address of the case and its reporters for good (the case is kept and goes on; nobody
     * can call the resident back any more) and records the request on the timeline; the case as the resident sees it.
     */
    PublicCaseView eraseContact(String number, String token);
}
