package cn.civicloop.triage.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.civicloop.classifier.RoutingExample;

/** The rule of learning from the loop: outcomes weighted over corrections, voided and merged cases excluded. */
class LoopExamplesTest {

    private static final Set<String> TREE = Set.of("城乡建设", "环境保护", "交通运输");

    @Test
    void aClosedCaseTeachesItsFinalCategoryTwiceAndItsEarlierCorrectionNotAtAll() {
        // the dispatcher first corrected it to 环境保护; after a reassignment it was closed under 城乡建设
        List<RoutingExample> examples = LoopExamples.of(
                List.of(new LoopExamples.Outcome("A-1", "路灯坏了", "晚上一片黑", "城乡建设")),
                List.of(new LoopExamples.Correction("A-1", "路灯坏了", "晚上一片黑", "环境保护")), Set.of(), TREE, 2);
        assertThat(examples).extracting(RoutingExample::label).containsExactly("城乡建设", "城乡建设");
    }

    @Test
    void aCorrectionCountsOnceWhileItsCaseIsOpen() {
        List<RoutingExample> examples = LoopExamples.of(List.of(),
                List.of(new LoopExamples.Correction("B-1", "公交不来", "等了一小时", "交通运输")), Set.of(), TREE, 2);
        assertThat(examples).extracting(RoutingExample::label).containsExactly("交通运输");
    }

    @Test
    void voidedAndMergedCasesTeachNothing() {
        List<RoutingExample> examples = LoopExamples.of(
                List.of(new LoopExamples.Outcome("C-1", "河水发臭", "", "环境保护"),
                        new LoopExamples.Outcome("C-2", "井盖丢了", "", "城乡建设")),
                List.of(new LoopExamples.Correction("C-3", "信号灯坏", "", "交通运输")), Set.of("C-1", "C-3"), TREE, 2);
        assertThat(examples).extracting(RoutingExample::title).containsExactly("井盖丢了", "井盖丢了");
    }

    @Test
    void labelsOutsideTheTreeAndCasesWithoutTextAreLeftOut() {
        List<RoutingExample> examples = LoopExamples.of(
                List.of(new LoopExamples.Outcome("D-1", "问题", "", "不存在的分类"), new LoopExamples.Outcome("D-2", "", " ", "城乡建设")),
                List.of(new LoopExamples.Correction("D-3", "退单", "", null)), Set.of(), TREE, 3);
        assertThat(examples).isEmpty();
    }
}
