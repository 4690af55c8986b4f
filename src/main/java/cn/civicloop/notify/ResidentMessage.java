package cn.civicloop.notify;

/**
 * A message to the resident of a case.
 *
 * @param caseNumber the case it is about
 * @param channel    the intake channel of the case (e.g. {@code WECHAT}), so a gateway may answer where the
 *                   resident came from; {@code null} when unknown
 * @param recipient  the resident's phone number, unmasked: handle as personal data
 * @param text       the message, in Chinese, without personal data
 */
public record ResidentMessage(String caseNumber, String channel, String recipient, String text) {
}
