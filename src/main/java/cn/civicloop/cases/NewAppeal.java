package cn.civicloop.cases;

import java.util.List;

import cn.civicloop.shared.Upload;

/**
 * An appeal as intake hands it over: already validated for form, located (WGS84) and placed in the area tree.
 *
 * @param externalRef the channel's own reference; with {@code channel} it makes the submission idempotent
 * @param urgencyHint the urgency the submitter asked for when it was not taken (a public channel): triage's to
 *                    confirm; {@code null} when none was asked or it was taken
 * @param place       how intake placed the case from its address words; {@code null} when the appeal gave a point
 */
public record NewAppeal(Channel channel, String externalRef, AppealKind kind, Urgency urgency, Urgency urgencyHint,
        String category,
        String title, String content, String address, Double lat, Double lon, String streetCode,
        String communityCode, String gridCode, String contactName, String contactPhone, boolean anonymous,
        List<Upload> photos, PlaceMatch place) {

    public NewAppeal {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /** An appeal placed by its point (or not at all). */
    public NewAppeal(Channel channel, String externalRef, AppealKind kind, Urgency urgency, Urgency urgencyHint,
            String category, String title, String content, String address, Double lat, Double lon, String streetCode,
            String communityCode, String gridCode, String contactName, String contactPhone, boolean anonymous,
            List<Upload> photos) {
        this(channel, externalRef, kind, urgency, urgencyHint, category, title, content, address, lat, lon, streetCode,
                communityCode, gridCode, contactName, contactPhone, anonymous, photos, null);
    }
}
