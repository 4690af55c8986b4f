package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.MediaSupervisionTimeline.Step;

/** A media supervision remark is stored as step, item and text, and rows of the earlier Chinese form read the same. */
class MediaSupervisionRemarkTests {

    @Test
    void aStoredRemarkReadsBackAsItsParts() {
        String stored = new MediaSupervisionRemark(Step.RESPONDED, 12, "已组织抽排积水：下周完成").stored(500);
        assertThat(stored).isEqualTo("RESPONDED #12: 已组织抽排积水：下周完成");
        assertThat(MediaSupervisionRemark.parse(stored))
                .contains(new MediaSupervisionRemark(Step.RESPONDED, 12, "已组织抽排积水：下周完成"));
        assertThat(MediaSupervisionRemark.parse(new MediaSupervisionRemark(Step.PUBLISHED, 3, null).stored(500)))
                .contains(new MediaSupervisionRemark(Step.PUBLISHED, 3, null));
    }

    @Test
    void rowsWrittenAsAChineseSentenceReadAsTheSameParts() {
        assertThat(MediaSupervisionRemark.parse("立项监督（监督事项 12）：光明路积水问题久拖不决"))
                .contains(new MediaSupervisionRemark(Step.OPENED, 12, "光明路积水问题久拖不决"));
        assertThat(MediaSupervisionRemark.parse("部门公开回应（监督事项 7）：已修复"))
                .contains(new MediaSupervisionRemark(Step.RESPONDED, 7, "已修复"));
        assertThat(MediaSupervisionRemark.parse("公开发布（监督事项 7）"))
                .contains(new MediaSupervisionRemark(Step.PUBLISHED, 7, null));
        assertThat(MediaSupervisionRemark.parse("合并重复件 SZ-1，诉求人已并入")).isEmpty();
        assertThat(MediaSupervisionRemark.parse(null)).isEmpty();
    }

    @Test
    void aLongTextIsCutToTheColumn() {
        String stored = new MediaSupervisionRemark(Step.OPENED, 5, "长".repeat(600)).stored(500);
        assertThat(stored).hasSize(500).startsWith("OPENED #5: ").endsWith("…");
        assertThat(MediaSupervisionRemark.parse(stored).orElseThrow().itemId()).isEqualTo(5);
    }
}
