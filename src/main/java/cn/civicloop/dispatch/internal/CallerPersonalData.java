package cn.civicloop.dispatch.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.shared.PersonalDataHolder;

/** What the 110 desk holds under a phone: incidents it called in, and further calls about an incident. */
@Component
class CallerPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    CallerPersonalData(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public List<HeldRecord> heldFor(String phoneHash, int limit) {
        List<HeldRecord> out = new ArrayList<>();
        jdbc.sql("select number, received_at, caller_name, caller_phone, address from dispatch_incident "
                        + "where caller_phone_hash = ? order by received_at desc, id desc limit " + limit)
                .param(phoneHash).query().listOfRows().forEach(r -> {
                    var fields = new LinkedHashMap<String, String>();
                    fields.put("name", cipher.open((String) r.get("caller_name")));
                    fields.put("phone", cipher.open((String) r.get("caller_phone")));
                    fields.put("address", cipher.open((String) r.get("address")));
                    out.add(new HeldRecord("dispatch_incident", (String) r.get("number"),
                            PersonalDataHolder.instant(r.get("received_at")), fields));
                });
        jdbc.sql("select i.number, c.received_at, c.caller_name, c.caller_phone from dispatch_call c "
                        + "join dispatch_incident i on i.id = c.incident_id where c.caller_phone_hash = ? "
                        + "order by c.id desc limit " + limit)
                .param(phoneHash).query().listOfRows().forEach(r -> {
                    var fields = new LinkedHashMap<String, String>();
                    fields.put("name", cipher.open((String) r.get("caller_name")));
                    fields.put("phone", cipher.open((String) r.get("caller_phone")));
                    out.add(new HeldRecord("dispatch_call", (String) r.get("number"),
                            PersonalDataHolder.instant(r.get("received_at")), fields));
                });
        return out;
    }
}
