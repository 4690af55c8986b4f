package cn.civicloop.notify.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.civicloop.notify.ResidentChannel;
import cn.civicloop.notify.ResidentMessage;
import cn.civicloop.shared.Masking;

/** The default channel: writes the SMS it would send to the log, with the phone number masked. */
@Component
class LoggingResidentChannel implements ResidentChannel {

    private static final Logger log = LoggerFactory.getLogger(LoggingResidentChannel.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(ResidentMessage message) {
        log.info("SMS to {}: {}", Masking.phone(message.recipient()), message.text());
    }
}
