package cn.civicloop.opinion.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.opinion.AnswerChannel;

/**
 * The answer channel of a deployment without a platform interface: it writes the answer to the log and records it
 * as posted under the post's own address with an anchor, so the officer posts it by hand from there.
 */
@Configuration(proxyBeanMethods = false)
class LoggingAnswerChannel {

    private static final Logger log = LoggerFactory.getLogger(LoggingAnswerChannel.class);

    @Bean
    @ConditionalOnMissingBean(AnswerChannel.class)
    AnswerChannel answerChannel() {
        return (topicId, postUrl, text) -> {
            log.info("public answer of topic {} to {}: {} characters", topicId, postUrl, text.length());
            String base = postUrl == null ? "urn:civicloop:opinion:" + topicId : postUrl;
            return base + "#answer-" + topicId;
        };
    }
}
