package cn.civicloop.board.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The name recogniser's blanks in public text: road names it takes for names stay, people's names still go. HanLP's
 * dictionary tags 青檀路 (a road of the district) as a person's name, whole or split from its road word.
 */
class AnonymiserTests {

    @Test
    void roadNamesTheRecogniserTakesForNamesStayOnTheBoard() {
        assertThat(scrub("青檀路路灯不亮")).isEqualTo("青檀路路灯不亮");
        assertThat(scrub("青檀街摆摊占道")).isEqualTo("青檀街摆摊占道");
        assertThat(scrub("青檀南路积水")).isEqualTo("青檀南路积水");
        assertThat(scrub("青檀路与文化路交叉口积水")).isEqualTo("青檀路与文化路交叉口积水");
    }

    @Test
    void peoplesNamesBesideRoadsAreStillBlanked() {
        assertThat(scrub("张伟路过青檀路")).isEqualTo("某路过青檀路");
        assertThat(scrub("张伟路边摆摊")).isEqualTo("某路边摆摊");
        assertThat(scrub("刘伟在青檀街摆摊")).isEqualTo("某在青檀街摆摊");
        assertThat(scrub("王路反映噪音")).as("a two-character name ending in 路").isEqualTo("某反映噪音");
        assertThat(scrub("李娜说路灯坏了")).isEqualTo("某说路灯坏了");
        assertThat(scrub("王建国反映噪音")).isEqualTo("某反映噪音");
    }

    @Test
    void aRecognisedNameIsARoadOnlyByItsEndingOrItsOwnRoadWord() {
        assertThat(Anonymiser.roadName("青檀路", "")).isTrue();
        assertThat(Anonymiser.roadName("青檀", "南路")).isTrue();
        assertThat(Anonymiser.roadName("王路", "")).isFalse();
        assertThat(Anonymiser.roadName("张伟", "路过")).isFalse();
        assertThat(Anonymiser.roadName("张伟", "路边")).isFalse();
    }

    private static String scrub(String text) {
        return Anonymiser.scrub(text, null, null, null);
    }
}
