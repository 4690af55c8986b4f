package cn.civicloop.open311.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.open311.Open311Clients.Client;
import cn.civicloop.open311.internal.ClientRegistry;
import cn.civicloop.open311.internal.Discovery;
import cn.civicloop.open311.internal.Open311Form;
import cn.civicloop.open311.internal.RequestListing;
import cn.civicloop.open311.internal.RequestSubmission;
import cn.civicloop.open311.internal.RequestUpdates;
import cn.civicloop.open311.internal.ServiceCatalogue;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The Open311 GeoReport v2 server (owner: PUBLIC — the spec's reads need no key; POST calls are checked here
 * against the client's api_key, 403 without a valid one). Each resource answers in XML or JSON by its suffix
 * ({@code .xml}, {@code .json}) or {@code format}; errors are the spec's array of code and description
 * ({@link Open311Errors}). Described by the spec, not by the OpenAPI document.
 */
@Hidden
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private static final int MAX_XML_BODY = 64 * 1024;

    private final Discovery discovery;
    private final ServiceCatalogue services;
    private final RequestSubmission submission;
    private final RequestListing listing;
    private final RequestUpdates updates;
    private final ClientRegistry clients;
    private final Open311Messages messages;

    Open311Controller(Discovery discovery, ServiceCatalogue services, RequestSubmission submission,
            RequestListing listing, RequestUpdates updates, ClientRegistry clients, Open311Messages messages) {
        this.discovery = discovery;
        this.services = services;
        this.submission = submission;
        this.listing = listing;
        this.updates = updates;
        this.clients = clients;
        this.messages = messages;
    }

    @GetMapping({"/discovery", "/discovery.json", "/discovery.xml"})
    ResponseEntity<String> discovery(HttpServletRequest request) {
        return Open311Writer.object(Open311Format.of(request), "discovery", discovery.document());
    }

    @GetMapping({"/services", "/services.json", "/services.xml"})
    ResponseEntity<String> services(HttpServletRequest request) {
        jurisdiction(request);
        return Open311Writer.list(Open311Format.of(request), HttpStatus.OK, "services", "service", services.services());
    }

    @GetMapping("/services/{code}")
    ResponseEntity<String> definition(@PathVariable String code, HttpServletRequest request) {
        jurisdiction(request);
        return Open311Writer.object(Open311Format.of(request), "service_definition",
                services.definition(Open311Format.bare(code)));
    }

    @PostMapping({"/requests", "/requests.json", "/requests.xml"})
    ResponseEntity<String> submit(HttpServletRequest request) throws IOException {
        Open311Form form = form(request);
        jurisdiction(form);
        Client client = client(form.one("api_key"));
        RequestSubmission.Submitted submitted = submission.submit(client, form);
        return Open311Writer.list(Open311Format.of(request), submitted.created() ? HttpStatus.CREATED : HttpStatus.OK,
                "service_requests", "request", submitted.answer());
    }

    @GetMapping({"/requests", "/requests.json", "/requests.xml"})
    ResponseEntity<String> requests(HttpServletRequest request) {
        Open311Form form = query(request);
        jurisdiction(form);
        return Open311Writer.list(Open311Format.of(request), HttpStatus.OK, "service_requests", "request",
                listing.list(form, reader(form), extensions(form)));
    }

    @GetMapping("/requests/{id}")
    ResponseEntity<String> request(@PathVariable String id, HttpServletRequest request) {
        Open311Form form = query(request);
        jurisdiction(form);
        return Open311Writer.list(Open311Format.of(request), HttpStatus.OK, "service_requests", "request",
                listing.one(Open311Format.bare(id), reader(form), extensions(form)));
    }

    @GetMapping("/tokens/{token}")
    ResponseEntity<String> token(@PathVariable String token, HttpServletRequest request) {
        jurisdiction(query(request));
        return Open311Writer.list(Open311Format.of(request), HttpStatus.OK, "service_requests", "request",
                listing.token(Open311Format.bare(token)));
    }

    @GetMapping({"/servicerequestupdates", "/servicerequestupdates.json", "/servicerequestupdates.xml"})
    ResponseEntity<String> updates(HttpServletRequest request) {
        Open311Form form = query(request);
        jurisdiction(form);
        return Open311Writer.list(Open311Format.of(request), HttpStatus.OK, "service_request_updates",
                "request_update", updates.list(form));
    }

    @PostMapping({"/servicerequestupdates", "/servicerequestupdates.json", "/servicerequestupdates.xml"})
    ResponseEntity<String> postUpdate(HttpServletRequest request) throws IOException {
        Open311Form form = form(request);
        jurisdiction(form);
        Client client = client(form.one("api_key"));
        return Open311Writer.list(Open311Format.of(request), HttpStatus.OK, "service_request_updates",
                "request_update", updates.post(client, form));
    }

    private Client client(String apiKey) {
        return clients.authenticate(apiKey).orElseThrow(() -> new ForbiddenException(messages.get("open311.error.api-key")));
    }

    /** On a read, an api_key is optional: given, it must be valid, and it shows that client its own requests in full. */
    private Optional<Client> reader(Open311Form form) {
        String key = form.one("api_key");
        return key == null ? Optional.empty() : Optional.of(client(key));
    }

    private static boolean extensions(Open311Form form) {
        return "true".equalsIgnoreCase(form.one("extensions"));
    }

    private void jurisdiction(HttpServletRequest request) {
        jurisdiction(query(request));
    }

    private void jurisdiction(Open311Form form) {
        if (!discovery.serves(form.one("jurisdiction_id"))) {
            throw new NotFoundException(messages.get("open311.error.jurisdiction"));
        }
    }

    private static Open311Form query(HttpServletRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> fields.put(k, Arrays.asList(v)));
        return new Open311Form(fields);
    }

    /** A form body, as the spec sends it, or an XML body; the query string's fields count too. */
    private Open311Form form(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        boolean xml = type != null && (type.startsWith("text/xml") || type.startsWith("application/xml"));
        if (!xml) {
            return query(request);
        }
        byte[] body = request.getInputStream().readNBytes(MAX_XML_BODY + 1);
        if (body.length > MAX_XML_BODY) {
            throw new InvalidInputException("xml", messages.get("open311.error.xml"));
        }
        Open311Form fromXml = XmlFields.read(body, messages.get("open311.error.xml"));
        Map<String, List<String>> fields = new LinkedHashMap<>(query(request).values());
        fromXml.values().forEach((k, v) -> fields.merge(k, v, (a, b) -> {
            List<String> both = new java.util.ArrayList<>(a);
            both.addAll(b);
            return both;
        }));
        return new Open311Form(fields);
    }
}
