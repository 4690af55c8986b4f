package cn.civicloop.open311.internal;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import cn.civicloop.cases.Channel;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.geo.Datum;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.open311.Open311Clients.Client;
import cn.civicloop.shared.DomainException.FieldProblem;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Text;
import cn.civicloop.shared.web.TimeLabels;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * POST requests: checks what a client sends against the spec and the service's definition, and hands it to the
 * normal intake as an appeal on the channel {@code OPEN311}, as the client (the channel's owner). The client's own
 * reference makes it idempotent: a replay returns the same service_request_id and opens nothing.
 */
@Service
public class RequestSubmission {

    /** The spec's limit of a description. */
    static final int DESCRIPTION_LIMIT = 4000;
    private static final int TITLE_LENGTH = 30;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Set<String> KNOWN_ATTRIBUTES = Set.of(ServiceCatalogue.TITLE, ServiceCatalogue.SUBCATEGORY,
            ServiceCatalogue.ANONYMOUS);

    private final AppealIntake intake;
    private final ServiceCatalogue services;
    private final RequestLedger ledger;
    private final Validator validator;
    private final Labels labels;
    private final TimeLabels times;
    private final Clock clock;

    RequestSubmission(AppealIntake intake, ServiceCatalogue services, RequestLedger ledger, Validator validator,
            Labels labels, TimeLabels times, Clock clock) {
        this.intake = intake;
        this.services = services;
        this.ledger = ledger;
        this.validator = validator;
        this.labels = labels;
        this.times = times;
        this.clock = clock;
    }

    /**
     * The answer of POST requests: one request with its id, the token that resolves to it and a notice.
     *
     * @param created false for a replay of the client's reference, which opened nothing
     */
    public record Submitted(List<Map<String, Object>> answer, boolean created) {
    }

    public Submitted submit(Client client, Open311Form form) {
        String reference = reference(form);
        if (reference != null) {
            var known = ledger.byReference(client.id(), reference);
            if (known.isPresent()) {
                return new Submitted(answer(known.get(), null), false);
            }
        }
        String code = form.one("service_code");
        if (code == null) {
            throw new InvalidInputException("service_code", labels.get("open311.error.service-code.missing"));
        }
        var service = services.find(code).orElseThrow(services::unknown);
        Map<String, List<String>> attributes = form.attributes();
        List<FieldProblem> problems = new ArrayList<>();
        attributes.keySet().stream().filter(a -> !KNOWN_ATTRIBUTES.contains(a)).forEach(a -> problems.add(
                new FieldProblem("attribute[" + a + "]", labels.get("open311.error.attribute.unknown", a))));
        String category = subcategory(service.name(), attributes, problems);
        Boolean anonymous = anonymous(attributes, problems);
        AppealForm.Location location = location(form, problems);
        String address = form.one("address_string");
        if (location == null && address == null) {
            problems.add(new FieldProblem("lat", labels.get(form.one("address_id") != null
                    ? "open311.error.address-id" : "open311.error.location.missing")));
        }
        String description = Text.cleanOrNull(form.one("description"));
        if (description != null && description.length() > DESCRIPTION_LIMIT) {
            problems.add(new FieldProblem("description", labels.get("open311.error.description.long", DESCRIPTION_LIMIT)));
        }
        String mediaUrl = mediaUrl(form.one("media_url"), problems);
        email(form.one("email"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).reason(), problems);
        }
        String content = description == null ? service.name() : description;
        if (mediaUrl != null) {
            content = content + "\n" + labels.get("open311.content.media", mediaUrl);
        }
        AppealForm appeal = new AppealForm(Channel.OPEN311,
                reference == null ? null : "o311:" + client.id() + ":" + reference, null, null, category,
                title(attributes, description, service.name()), content, location, address,
                contact(form), anonymous);
        check(appeal);
        OpenedCase opened = intake.submit(appeal, List.of(), actor(client));
        RequestLedger.Entry entry = ledger.record(client.id(), reference, opened.number(), mediaUrl, clock.instant());
        return new Submitted(answer(entry, opened.created() ? opened.expectedCompletion() : null), opened.created());
    }

    /** The client acting in the intake: the owner of the channel OPEN311, not a member of staff. */
    static Actor actor(Client client) {
        return new Actor(null, "open311:" + client.id(), client.name(), Set.of(Role.OPEN311_CLIENT), null, false);
    }

    private List<Map<String, Object>> answer(RequestLedger.Entry entry, java.time.Instant expected) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("service_request_id", entry.caseNumber());
        a.put("token", entry.token());
        a.put("service_notice", expected == null ? null : labels.get("open311.notice", times.at(expected)));
        a.put("account_id", null);
        return List.of(a);
    }

    private String reference(Open311Form form) {
        String ref = form.one("external_id");
        if (ref != null && !REFERENCE.matcher(ref).matches()) {
            throw new InvalidInputException("external_id", labels.get("open311.error.reference"));
        }
        return ref;
    }

    private String subcategory(String service, Map<String, List<String>> attributes, List<FieldProblem> problems) {
        List<String> given = attributes.getOrDefault(ServiceCatalogue.SUBCATEGORY, List.of());
        if (given.isEmpty()) {
            return service;
        }
        if (given.size() > 1 || !services.children(service).contains(given.get(0))) {
            problems.add(new FieldProblem("attribute[subcategory]", labels.get("open311.error.attribute.value", "subcategory")));
            return service;
        }
        return given.get(0);
    }

    private Boolean anonymous(Map<String, List<String>> attributes, List<FieldProblem> problems) {
        List<String> given = attributes.getOrDefault(ServiceCatalogue.ANONYMOUS, List.of());
        if (given.isEmpty()) {
            return null;
        }
        if (given.size() > 1 || !Set.of("true", "false").contains(given.get(0))) {
            problems.add(new FieldProblem("attribute[anonymous]", labels.get("open311.error.attribute.value", "anonymous")));
            return null;
        }
        return Boolean.valueOf(given.get(0));
    }

    private AppealForm.Location location(Open311Form form, List<FieldProblem> problems) {
        String lat = form.one("lat");
        String lon = form.one("long");
        if (lat == null && lon == null) {
            return null;
        }
        if (lat == null || lon == null) {
            problems.add(new FieldProblem(lat == null ? "lat" : "long", labels.get("open311.error.location.pair")));
            return null;
        }
        try {
            double la = Double.parseDouble(lat);
            double lo = Double.parseDouble(lon);
            if (!Double.isFinite(la) || !Double.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) {
                throw new NumberFormatException();
            }
            return new AppealForm.Location(la, lo, Datum.WGS84);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("lat", labels.get("open311.error.location.number")));
            return null;
        }
    }

    private String mediaUrl(String url, List<FieldProblem> problems) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (web && uri.getHost() != null && url.length() <= 500) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        problems.add(new FieldProblem("media_url", labels.get("open311.error.media-url")));
        return null;
    }

    /** The e-mail address is checked but not kept: the centre calls residents back by phone (docs/open311.md). */
    private void email(String email, List<FieldProblem> problems) {
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            problems.add(new FieldProblem("email", labels.get("open311.error.email")));
        }
    }

    private static String title(Map<String, List<String>> attributes, String description, String service) {
        List<String> given = attributes.getOrDefault(ServiceCatalogue.TITLE, List.of());
        String title = given.isEmpty() ? null : Text.cleanOrNull(given.get(0));
        if (title != null) {
            return title;
        }
        if (description == null) {
            return service;
        }
        String firstLine = description.lines().findFirst().orElse(description).strip();
        return firstLine.codePointCount(0, firstLine.length()) <= TITLE_LENGTH ? firstLine
                : firstLine.substring(0, firstLine.offsetByCodePoints(0, TITLE_LENGTH)) + "…";
    }

    /** A Chinese name is written family name first; a name in Latin letters given name first. */
    private static AppealForm.Contact contact(Open311Form form) {
        String first = form.one("first_name");
        String last = form.one("last_name");
        String phone = form.one("phone");
        if (first == null && last == null && phone == null) {
            return null;
        }
        String name;
        if (first == null || last == null) {
            name = first == null ? last : first;
        } else {
            boolean chinese = (first + last).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            name = chinese ? last + first : first + " " + last;
        }
        return new AppealForm.Contact(name, phone);
    }

    private void check(AppealForm appeal) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<AppealForm> v : validator.validate(appeal)) {
            problems.add(new FieldProblem(open311Field(v.getPropertyPath().toString()), v.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).reason(), problems);
        }
    }

    /** The GeoReport name of a field of the appeal form, so the client reads which of its fields is wrong. */
    private static String open311Field(String path) {
        return switch (path) {
            case "contact.name" -> "first_name";
            case "contact.phone" -> "phone";
            case "address" -> "address_string";
            case "content" -> "description";
            case "title" -> "attribute[title]";
            default -> path;
        };
    }
}
