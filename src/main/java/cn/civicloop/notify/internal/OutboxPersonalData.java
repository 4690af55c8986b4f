package cn.civicloop.notify.internal;

import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.shared.PersonalDataHolder;

/**
 * What the outbox holds under a phone: the messages sent (or to be sent) to it, found by the phone's keyed hash; the
 * phone itself only for those not sent yet (a sent one forgets it).
 */
@Component
class OutboxPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    OutboxPersonalData(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public List<HeldRecord> heldFor(String phoneHash, int limit) {
        return jdbc.sql("select case_number, created_at, channel, recipient, text_body, status from notify_outbox "
                        + "where recipient_hash = ? order by id desc limit " + limit)
                .param(phoneHash).query().listOfRows().stream().map(r -> {
                    var fields = new LinkedHashMap<String, String>();
                    // a sent message no longer holds its recipient (ADR 0067): the phone asked about, by its hash
                    if (r.get("recipient") != null) {
                        fields.put("recipient", cipher.open((String) r.get("recipient")));
                    }
                    fields.put("channel", (String) r.get("channel"));
                    fields.put("message", (String) r.get("text_body"));
                    fields.put("status", (String) r.get("status"));
                    return new HeldRecord("notify_outbox", (String) r.get("case_number"),
                            PersonalDataHolder.instant(r.get("created_at")), fields);
                }).toList();
    }
}
