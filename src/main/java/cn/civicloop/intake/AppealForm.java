package cn.civicloop.intake;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Urgency;
import cn.civicloop.geo.Datum;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An appeal as any channel submits it. */
@Schema(description = "An appeal. Either a location or an address (or both) should say where; neither is required.")
public record AppealForm(
        @NotNull(message = "{problem.intake.channel-required}") Channel channel,
        @Size(max = 100, message = "{problem.intake.external-ref-too-long}") @Pattern(regexp = "[\\p{Alnum}._:/-]*",
                message = "{problem.intake.external-ref-characters}") String externalRef,
        AppealKind kind,
        Urgency urgency,
        @Size(max = 100) String category,
        @NotBlank(message = "{problem.intake.title-is-required}")
        @Size(max = 200, message = "{problem.intake.title-too-long}") String title,
        @NotBlank(message = "{problem.intake.content-is-required}")
        @Size(max = 10000, message = "{problem.intake.content-too-long}") String content,
        @Valid Location location,
        @Size(max = 300, message = "{problem.intake.address-too-long}") String address,
        @Valid Contact contact,
        Boolean anonymous,
        @Schema(description = "Whether the case may be shown anonymised on the public board (/board); "
                + "absent means yes — the resident opts out with false") Boolean publish,
        @Schema(description = "whether the board may say the case has photos (the photos are never shown); "
                + "absent means no") Boolean publishPhotos) {

    /** An appeal whose resident was not asked about publication: the defaults apply (shown, photos not mentioned). */
    public AppealForm(Channel channel, String externalRef, AppealKind kind, Urgency urgency, String category,
            String title, String content, Location location, String address, Contact contact, Boolean anonymous) {
        this(channel, externalRef, kind, urgency, category, title, content, location, address, contact, anonymous,
                null, null);
    }

    /** A point; {@code datum} says whether it came from a GPS (WGS84) or a Chinese web map (GCJ02). */
    public record Location(@NotNull(message = "{problem.intake.latitude-required}") Double lat,
            @NotNull(message = "{problem.intake.longitude-required}") Double lon, Datum datum) {
    }

    /** Who to call back. Shown to staff; masked in every public view. */
    public record Contact(@Size(max = 60, message = "{problem.intake.contact-name-too-long}") String name,
            @Pattern(regexp = "[0-9+\\- ]{0,40}", message = "{problem.intake.phone-format}") String phone) {
    }
}
