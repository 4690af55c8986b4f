package cn.civicloop.cases.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.shared.PersonalDataHolder;
import cn.civicloop.shared.PersonalDataHolder.HeldRecord;
import cn.civicloop.shared.web.CsvLines;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * PIPL art. 45 (查阅、复制): what CivicLoop holds about a phone number — cases and their reporters, messages in the
 * outbox, 110 callers — for the 12345 centre's operator (owner: OPERATOR, see {@link CaseEndpoints}) who answers the
 * resident's request. Every holder is asked through the phone's keyed hash (an indexed column; no clear text is
 * read to find it). The phone travels in the request body, never in the URL (so not in access logs), and the export
 * is audited with the keyed hash, never the number.
 */
@RestController
@Tag(name = "personal-data", description = "Personal data access under PIPL: what is held about a phone")
class PersonalDataExportController {

    /** Records per source and holder: a phone with more is exported in part, and the answer says so. */
    static final int LIMIT = 1000;

    private final List<PersonalDataHolder> holders;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;

    PersonalDataExportController(List<PersonalDataHolder> holders, PersonalDataCipher cipher, AuditTrail audit) {
        this.holders = holders;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** The request: the phone number as the resident gave it. */
    record PhoneRequest(String phone) {
    }

    /** What is held: the keyed hash it was found by, the records opened, and how many per source. */
    record HeldData(String phoneHash, int total, Map<String, Long> perSource, boolean partial,
            List<HeldRecord> records) {
    }

    @PostMapping("/api/v1/personal-data/lookup")
    @Operation(summary = "What is held about a phone number (cases, reporters, outbox, 110 callers), opened; audited")
    HeldData lookup(@RequestBody PhoneRequest request) {
        HeldData held = held(request);
        audit.personalDataExport("phone hash " + held.phoneHash(), "API lookup: " + describe(held));
        return held;
    }

    @PostMapping("/api/v1/personal-data/export")
    @Operation(summary = "The same as a CSV file (UTF-8 with BOM, formula cells defused); audited")
    void export(@RequestBody PhoneRequest request, HttpServletResponse response) throws IOException {
        HeldData held = held(request);
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"personal-data.csv\"");
        Writer out = response.getWriter();
        out.write('\uFEFF');
        out.write(CsvLines.line("source", "reference", "recorded_at", "field", "value"));
        for (HeldRecord r : held.records()) {
            for (var f : r.fields().entrySet()) {
                out.write(CsvLines.line(r.source(), r.reference(), r.at() == null ? "" : r.at().toString(), f.getKey(),
                        f.getValue()));
            }
        }
        out.flush();
        audit.personalDataExport("phone hash " + held.phoneHash(), "CSV file: " + describe(held));
    }

    private HeldData held(PhoneRequest request) {
        String phone = request == null || request.phone() == null ? "" : request.phone().strip();
        if (phone.replaceAll("[^0-9]", "").length() < 5) {
            throw new InvalidInputException("phone", Phrase.of("problem.cases.a-phone-number-is-required", "请填写电话号码"));
        }
        String hash = cipher.phoneHash(phone);
        List<HeldRecord> records = new ArrayList<>();
        boolean partial = false;
        for (PersonalDataHolder holder : holders) {
            List<HeldRecord> found = holder.heldFor(hash, LIMIT);
            partial |= found.stream().collect(Collectors.groupingBy(HeldRecord::source, Collectors.counting()))
                    .values().stream().anyMatch(n -> n >= LIMIT);
            records.addAll(found);
        }
        records.sort(Comparator.comparing(HeldRecord::at, Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
        Map<String, Long> perSource = records.stream()
                .collect(Collectors.groupingBy(HeldRecord::source, java.util.TreeMap::new, Collectors.counting()));
        return new HeldData(hash, records.size(), perSource, partial, records);
    }

    private static String describe(HeldData held) {
        return held.total() + " records " + held.perSource() + (held.partial() ? " (partial)" : "");
    }
}
