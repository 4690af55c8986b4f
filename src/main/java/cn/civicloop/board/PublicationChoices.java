package cn.civicloop.board;

/**
 * The resident's choice whether his case may be shown on the public board (公示), recorded by the intake when the
 * case is opened. A case whose choice was never recorded (opened by a channel that does not ask) is not shown.
 */
public interface PublicationChoices {

    /**
     * Records the choice for a case just opened; a second call for the same case changes nothing.
     *
     * @param publish      the resident lets the case be shown, anonymised
     * @param photosAgreed the resident lets the board say that photos exist (the photos themselves are never shown)
     */
    void record(String caseNumber, boolean publish, boolean photosAgreed);
}
