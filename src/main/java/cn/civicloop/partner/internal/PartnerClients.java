package cn.civicloop.partner.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.partner.PartnerAdministration;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;

/**
 * The administration of the agencies' systems. A client belongs to a linked agency (社会联动单位) of the directory;
 * its keys live {@code key-validity} each, a rotation shortens the others to the overlap asked for, and a revocation
 * ends one key and its tokens at once. Every change goes to the audit log with its before and after (never a secret).
 */
@Service
class PartnerClients implements PartnerAdministration {

    private final PartnerRegistry registry;
    private final WebhookOutbox outbox;
    private final Directory directory;
    private final AuditTrail audit;
    private final PartnerProperties settings;
    private final Clock clock;

    PartnerClients(PartnerRegistry registry, WebhookOutbox outbox, Directory directory, AuditTrail audit,
            PartnerProperties settings, Clock clock) {
        this.registry = registry;
        this.outbox = outbox;
        this.directory = directory;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Client> clients() {
        return registry.all();
    }

    @Override
    @Transactional
    public IssuedKey create(long departmentId, String name, Actor by) {
        Department agency = directory.department(departmentId).filter(Department::active).filter(Department::linkage)
                .orElseThrow(() -> new InvalidInputException("departmentId",
                        Phrase.of("problem.partner.not-a-linked-agency", "请选择一个在用的社会联动单位")));
        String clean = Text.cleanOrNull(name);
        if (clean == null || clean.length() > 100) {
            throw new InvalidInputException("name", Phrase.of("problem.partner.name", "请填写接入系统名称，最长 100 字"));
        }
        long id = registry.insert(agency.id(), clean, "pc-" + Secrets.random(12).toLowerCase(Locale.ROOT)
                .replace('_', 'x').replace('-', 'y'));
        IssuedKey key = issue(id);
        audit.change("CONFIG_CHANGE", "partner client " + id, null, key.client());
        return key;
    }

    /** Creates the client with a secret chosen by the caller (the demo's published one) unless the name exists. */
    @Transactional
    public void ensure(long departmentId, String name, String clientId, String secret) {
        if (registry.all().stream().noneMatch(c -> c.name().equals(name))) {
            long id = registry.insert(departmentId, name, clientId);
            registry.insertKey(id, secret, clock.instant().plus(settings.keyValidity()));
        }
    }

    @Override
    @Transactional
    public IssuedKey rotate(long clientRef, int overlapHours, Actor by) {
        if (overlapHours < 0 || overlapHours > settings.maxOverlapHours()) {
            throw new InvalidInputException("overlapHours", Phrase.of("problem.partner.overlap",
                    "重叠时长应为 0 到 {0} 小时", settings.maxOverlapHours()));
        }
        Client before = registry.byId(clientRef);
        registry.shortenKeys(clientRef, Duration.ofHours(overlapHours));
        IssuedKey key = issue(clientRef);
        audit.change("CONFIG_CHANGE", "partner client " + clientRef, before, key.client());
        return key;
    }

    @Override
    @Transactional
    public Client revoke(long clientRef, long keyId, Actor by) {
        Client before = registry.byId(clientRef);
        if (!registry.revokeKey(clientRef, keyId)) {
            throw new NotFoundException(Phrase.of("problem.partner.no-such-key", "没有该密钥，或已吊销"));
        }
        Client after = registry.byId(clientRef);
        audit.change("CONFIG_CHANGE", "partner client " + clientRef, before, after);
        return after;
    }

    @Override
    @Transactional
    public Client setActive(long clientRef, boolean active, Actor by) {
        Client before = registry.byId(clientRef);
        registry.setActive(clientRef, active);
        Client after = registry.byId(clientRef);
        audit.change("CONFIG_CHANGE", "partner client " + clientRef, before, after);
        return after;
    }

    @Override
    @Transactional
    public WebhookSecret setWebhook(long clientRef, String url, Actor by) {
        Client before = registry.byId(clientRef);
        String clean = Text.cleanOrNull(url);
        String secret = null;
        if (clean != null) {
            checkUrl(clean);
            secret = "whsec_" + Secrets.random(32);
        }
        registry.setWebhook(clientRef, clean, secret);
        Client after = registry.byId(clientRef);
        audit.change("CONFIG_CHANGE", "partner webhook " + clientRef, before, after);
        return new WebhookSecret(after, secret);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Delivery> deadLetters(int limit) {
        return outbox.dead(Math.max(1, Math.min(limit, 500)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(long clientRef, int limit) {
        registry.byId(clientRef);
        return outbox.ofClient(clientRef, Math.max(1, Math.min(limit, 500)));
    }

    @Override
    @Transactional
    public Delivery replay(long deliveryId, Actor by) {
        Delivery before = outbox.byId(deliveryId);
        if (!outbox.replay(deliveryId, clock.instant())) {
            throw new InvalidInputException("deliveryId",
                    Phrase.of("problem.partner.not-dead", "只能重发已放弃投递的推送"));
        }
        Delivery after = outbox.byId(deliveryId);
        audit.change("CONFIG_CHANGE", "partner delivery " + deliveryId, "REPLAYED", before, after);
        return after;
    }

    private IssuedKey issue(long clientRef) {
        String secret = Secrets.random(32);
        Instant expires = clock.instant().plus(settings.keyValidity());
        long keyId = registry.insertKey(clientRef, secret, expires);
        Client client = registry.byId(clientRef);
        return new IssuedKey(client, keyId, client.clientId(), secret, expires);
    }

    private static void checkUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (url.length() > 500 || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(url);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url", Phrase.of("problem.partner.url", "推送地址应为 http(s) 地址，最长 500 字符"));
        }
    }
}
