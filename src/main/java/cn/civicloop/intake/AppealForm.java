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
@Schema(description = "诉求 (appeal). Either a location or an address (or both) should say where; neither is required.")
public record AppealForm(
        @NotNull(message = "请选择来源渠道 (channel is required)") Channel channel,
        @Size(max = 100, message = "外部编号最长 100 字符") @Pattern(regexp = "[\\p{Alnum}._:/-]*",
                message = "外部编号只能包含字母、数字和 ._:/- (letters, digits and ._:/- only)") String externalRef,
        AppealKind kind,
        Urgency urgency,
        @Size(max = 100) String category,
        @NotBlank(message = "请填写标题 (title is required)") @Size(max = 200, message = "标题最长 200 字") String title,
        @NotBlank(message = "请填写诉求内容 (content is required)") @Size(max = 10000, message = "内容最长 10000 字") String content,
        @Valid Location location,
        @Size(max = 300, message = "地址最长 300 字") String address,
        @Valid Contact contact,
        Boolean anonymous,
        @Schema(description = "公示: whether the case may be shown anonymised on the public board (/board); "
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
    public record Location(@NotNull(message = "缺少纬度 (lat is required)") Double lat,
            @NotNull(message = "缺少经度 (lon is required)") Double lon, Datum datum) {
    }

    /** Who to call back. Shown to staff; masked in every public view. */
    public record Contact(@Size(max = 60, message = "姓名最长 60 字") String name,
            @Pattern(regexp = "[0-9+\\- ]{0,40}", message = "电话号码格式不正确 (digits, +, - and spaces only)") String phone) {
    }
}
