package cn.civicloop.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.shared.PersonalDataHolder;

/** What the cases module holds under a phone: cases it was given as contact for, and their further reporters. */
@Component
class CasePersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    CasePersonalData(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public List<HeldRecord> heldFor(String phoneHash, int limit) {
        List<HeldRecord> out = new ArrayList<>();
        jdbc.sql("select number, created_at, contact_name, contact_phone, address from cases_case "
                        + "where contact_phone_hash = ? order by created_at desc, id desc limit " + limit)
                .param(phoneHash).query().listOfRows().forEach(r -> {
                    var fields = new LinkedHashMap<String, String>();
                    fields.put("name", cipher.open((String) r.get("contact_name")));
                    fields.put("phone", cipher.open((String) r.get("contact_phone")));
                    fields.put("address", cipher.open((String) r.get("address")));
                    out.add(new HeldRecord("cases_case", (String) r.get("number"),
                            PersonalDataHolder.instant(r.get("created_at")), fields));
                });
        jdbc.sql("select c.number, r.reported_at, r.contact_name, r.contact_phone from cases_reporter r "
                        + "join cases_case c on c.id = r.case_id where r.contact_phone_hash = ? "
                        + "order by r.id desc limit " + limit)
                .param(phoneHash).query().listOfRows().forEach(r -> {
                    var fields = new LinkedHashMap<String, String>();
                    fields.put("name", cipher.open((String) r.get("contact_name")));
                    fields.put("phone", cipher.open((String) r.get("contact_phone")));
                    out.add(new HeldRecord("cases_reporter", (String) r.get("number"),
                            PersonalDataHolder.instant(r.get("reported_at")), fields));
                });
        return out;
    }
}
