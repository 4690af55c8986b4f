package cn.civicloop.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrgencyDetectorTests {

    @ParameterizedTest
    @ValueSource(strings = {"龙山路小区地下室燃气泄漏，楼里都是味道", "建设北路一家饭店起火，浓烟很大",
            "河边有小孩落水", "工地脚手架坍塌，有工人被困", "电动车与行人相撞，行人受伤流血", "暴雨后隧道内涝严重，车辆被困"})
    void emergenciesAreRecognised(String text) {
        assertThat(UrgencyDetector.isEmergency(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"两车轻微剐蹭，无人员受伤，双方同意走保险", "路灯不亮已经三天", "小区垃圾清运不及时",
            "楼上装修噪音扰民，没有起火也没有人受伤", "咨询社保卡补办手续"})
    void ordinaryOrNegatedTextsAreNotUrgent(String text) {
        assertThat(UrgencyDetector.signals(text)).isEmpty();
    }
}
