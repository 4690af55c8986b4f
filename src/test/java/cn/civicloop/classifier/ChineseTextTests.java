package cn.civicloop.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseTextTests {

    /** text | phrase | negated: whether the first occurrence of the phrase is negated. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "没有人受伤|受伤|true",
        "两车剐蹭，无人员受伤|受伤|true",
        "并没有造成人员受伤|受伤|true",
        "不是燃气泄漏，是下水道反味|燃气泄漏|true",
        "现场未发现明火|明火|true",
        "双方都没受伤|受伤|true",
        "万一漏气怎么办|漏气|true",
        "电动车进楼道容易起火|起火|true",
        // a cue in the previous clause does not reach: "nobody cares, and there is a gas leak"
        "物业没人管，燃气泄漏了|燃气泄漏|false",
        "没人管，有人受伤了|受伤|false",
        // look-alikes: a question, "soon after", "cannot"
        "不知道是不是漏气了|漏气|false",
        "有没有人受伤不清楚|受伤|false",
        "没多久就起火了|起火|false",
        "主要是燃气泄漏|燃气泄漏|false",
        // a cue too far before the phrase in a long clause
        "没一会儿楼下那家饭店就起火了|起火|false",
        "老人摔倒了头上流血|流血|false"})
    void aPhraseIsNegatedOnlyByACueInItsOwnClause(String text, String phrase, boolean negated) {
        assertThat(ChineseText.negated(text, text.indexOf(phrase))).isEqualTo(negated);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "甲车没有人受伤，乙车司机受伤了|受伤|true",
        "没有人受伤|受伤|false",
        "燃气表换了|泄漏|false"})
    void aPhraseIsMentionedWhenOneOccurrenceIsNotNegated(String text, String phrase, boolean mentioned) {
        assertThat(ChineseText.mentions(text, phrase)).isEqualTo(mentioned);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "樓下餐廳燃氣洩漏|楼下餐厅燃气泄漏",
        "燃 气　泄 漏|燃气泄漏",
        "ＫＴＶ太吵１２３|KTV太吵123"})
    void textIsBroughtToOneWrittenForm(String text, String normalised) {
        assertThat(ChineseText.normalise(text)).isEqualTo(normalised);
    }

    @org.junit.jupiter.api.Test
    void lineBreaksEndAClause() {
        String text = ChineseText.normalise("无\n人员受伤");
        assertThat(text).isEqualTo("无\n人员受伤");
        assertThat(ChineseText.negated(text, text.indexOf("受伤"))).isFalse();
    }
}
