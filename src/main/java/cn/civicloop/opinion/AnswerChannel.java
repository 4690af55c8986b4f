package cn.civicloop.opinion;

/**
 * Posts an approved public answer (回帖) back where a topic's post appeared. One implementation per platform's
 * interface; the default only logs. Must not throw for an answer it accepted.
 */
public interface AnswerChannel {

    /**
     * @param topicId the topic answered
     * @param postUrl the address of the post answered ({@code null} when the topic's posts have none)
     * @param text    the approved answer
     * @return the address of the posted answer
     */
    String post(String topicId, String postUrl, String text);
}
