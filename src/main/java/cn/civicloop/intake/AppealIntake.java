package cn.civicloop.intake;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.civicloop.board.PublicationChoices;
import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.NewAppeal;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.cases.CasePlacing;
import cn.civicloop.cases.PlaceFix;
import cn.civicloop.cases.Urgency;
import cn.civicloop.directory.Actor;
import cn.civicloop.geo.ChinaDatum;
import cn.civicloop.geo.Datum;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.geo.Placement;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Text;
import cn.civicloop.shared.Upload;
import cn.civicloop.triage.HazardMatch;
import cn.civicloop.triage.HazardRules;

/**
 * Normalises an appeal from any channel: cleans the text, brings the point to WGS84 and into the district's
 * area tree, fills the defaults a channel may leave out, and opens the case.
 */
@Service
public class AppealIntake {

    /** Most appeals about a problem in the street are complaints in 12345 terms; the operator can correct it. */
    static final AppealKind DEFAULT_KIND = AppealKind.COMPLAINT;

    private final Jurisdictions jurisdictions;
    private final CaseManagement cases;
    private final HazardRules hazards;
    private final AddressPlacing addresses;
    private final CasePlacing placing;
    private final boolean placeByAddress;
    private final PublicationChoices publication;

    AppealIntake(Jurisdictions jurisdictions, CaseManagement cases, HazardRules hazards, AddressPlacing addresses,
            CasePlacing placing, IntakeProperties settings, PublicationChoices publication) {
        this.placeByAddress = settings.placeByAddress();
        this.jurisdictions = jurisdictions;
        this.cases = cases;
        this.hazards = hazards;
        this.addresses = addresses;
        this.placing = placing;
        this.publication = publication;
    }

    public OpenedCase submit(AppealForm form, List<Upload> photos, Actor submitter) {
        if (form.channel() != null && !ChannelOwners.mayUse(form.channel(), submitter)) {
            throw new ForbiddenException(Phrase.of("problem.intake.channel-owned",
                    "「{0}」渠道只能由{1}登录后提交，群众请通过政府网站或微信提交",
                    Phrase.of("triage.channel." + form.channel().name(), form.channel().label()),
                    ChannelOwners.ownerLabels(form.channel()), form.channel().name()));
        }
        String title = Text.cleanOrNull(form.title());
        String content = Text.cleanOrNull(form.content());
        if (title == null) {
            throw new InvalidInputException("title", Phrase.of("problem.intake.title-is-required", "请填写标题"));
        }
        if (content == null) {
            throw new InvalidInputException("content", Phrase.of("problem.intake.content-is-required", "请填写诉求内容"));
        }
        if (form.kind() != null && form.kind().linkage() && form.channel() != Channel.POLICE_110) {
            throw new InvalidInputException("kind",
                    Phrase.of("problem.intake.a-110-kind-is-only-for-calls", "110类型仅用于110联动分流"));
        }
        GeoPoint point = point(form.location());
        Placement placement = point == null ? null : jurisdictions.locate(point).orElseThrow(() ->
                new InvalidInputException("location",
                        Phrase.of("problem.intake.the-location-is-outside-the-district", "该位置不在本区范围内")));
        String address = Text.cleanOrNull(form.address());
        AddressPlacing.Placed placed = placeByAddress && point == null && address != null ? addresses.place(address)
                : null;
        if (placed != null) {
            point = placed.point();
        }
        AppealForm.Contact contact = form.contact();
        String streetCode = placed != null ? placed.streetCode() : placement == null ? null : placement.street().code();
        String communityCode = placed != null ? placed.communityCode()
                : placement == null ? null : placement.community().code();
        String gridCode = placed != null ? placed.gridCode() : placement == null ? null : placement.grid().code();
        Urgency urgency = urgency(form, submitter, title, content, streetCode, communityCode, gridCode);
        // what a resident (or anyone but the channel's owners) says of urgency is a hint for triage, never a clock
        Urgency hint = form.urgency() == Urgency.URGENT && urgency != Urgency.URGENT ? form.urgency() : null;
        NewAppeal appeal = new NewAppeal(form.channel(), Text.cleanOrNull(form.externalRef()),
                form.kind() == null ? DEFAULT_KIND : form.kind(),
                urgency, hint, Text.cleanOrNull(form.category()), title,
                content, address, point == null ? null : point.lat(), point == null ? null : point.lon(),
                streetCode, communityCode, gridCode,
                contact == null ? null : Text.cleanOrNull(contact.name()),
                contact == null ? null : Text.cleanOrNull(contact.phone()), Boolean.TRUE.equals(form.anonymous()), photos,
                placed == null ? null : placed.match());
        OpenedCase opened = cases.open(appeal, submitter);
        // not shown unless the resident lets it (absent: yes, ADR 0038); the board applies its own withheld rules
        publication.record(opened.number(), !Boolean.FALSE.equals(form.publish()),
                Boolean.TRUE.equals(form.publishPhotos()) && photos != null && !photos.isEmpty());
        return opened;
    }

    /**
     * An operator confirms or corrects where case {@code number} is: the point he pinned or picked (WGS84 or GCJ-02
     * as his map draws), located in the area tree here, recorded on the case with his reason.
     */
    public void fixPlace(String number, AppealForm.Location location, String label, String reason, Actor actor) {
        if (location == null || location.lat() == null || location.lon() == null) {
            throw new InvalidInputException("location",
                    Phrase.of("problem.intake.place-missing", "请在地图上选点或选择一个标准地址"));
        }
        GeoPoint point = point(location);
        Placement placement = jurisdictions.locate(point).orElseThrow(() -> new InvalidInputException("location",
                Phrase.of("problem.intake.the-location-is-outside-the-district", "该位置不在本区范围内")));
        placing.fixPlace(number, new PlaceFix(point.lat(), point.lon(), placement.street().code(),
                placement.community().code(), placement.grid() == null ? null : placement.grid().code(),
                Text.cleanOrNull(label), reason), actor);
    }

    /**
     * Urgent when a hazard rule of the routing catalogue says so (a gas leak is urgent whatever the channel or the
     * operator chose, ADR 0014); else as the channel's owner says (an operator, the police desk), normal when he
     * says nothing. The urgency a public submission asks for does not start a one-hour clock: it is kept as a hint.
     */
    private Urgency urgency(AppealForm form, Actor submitter, String title, String content, String... areaCodes) {
        List<String> areas = java.util.Arrays.stream(areaCodes).filter(java.util.Objects::nonNull).toList();
        if (hazards.match(title, content, form.channel(), areas).map(HazardMatch::urgency)
                .filter(Urgency.URGENT::equals).isPresent()) {
            return Urgency.URGENT;
        }
        boolean judgedByOwner = !ChannelOwners.isPublic(form.channel()) && ChannelOwners.owns(form.channel(), submitter);
        return form.urgency() == null || !judgedByOwner ? Urgency.NORMAL : form.urgency();
    }

    private static GeoPoint point(AppealForm.Location location) {
        if (location == null) {
            return null;
        }
        try {
            GeoPoint given = new GeoPoint(location.lat(), location.lon());
            return ChinaDatum.toWgs84(given, location.datum() == null ? Datum.WGS84 : location.datum());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("location",
                    Phrase.of("problem.intake.invalid-coordinates", "坐标无效：{0}", e.getMessage()));
        }
    }
}
