package cn.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.transaction.event.TransactionalEventListener;

/** The adapters ask the bean itself whether it takes an event, and look a singleton bean up only once. */
class SelectiveListenersTests {

    /** Takes only even numbers. */
    static class Evens implements SelectiveListener {

        @Override
        public boolean takes(Object event) {
            return event instanceof Integer i && i % 2 == 0;
        }

        @TransactionalEventListener
        void on(Integer event) {
            // the adapter's decision is what is tested
        }
    }

    /** Counts the look-ups of beans by name. */
    static final class CountingBeanFactory extends DefaultListableBeanFactory {

        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public Object getBean(String name) {
            lookups.incrementAndGet();
            return super.getBean(name);
        }
    }

    private static SelectiveListeners.Adapter adapterOf(GenericApplicationContext context) {
        List<SelectiveListeners.Adapter> adapters = context.getApplicationListeners().stream()
                .filter(SelectiveListeners.Adapter.class::isInstance).map(SelectiveListeners.Adapter.class::cast).toList();
        assertThat(adapters).hasSize(1);
        return adapters.get(0);
    }

    private static GenericApplicationContext context(CountingBeanFactory beans, String scope) {
        GenericApplicationContext context = new GenericApplicationContext(beans);
        AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
        context.registerBean(SelectiveListeners.class);
        RootBeanDefinition evens = new RootBeanDefinition(Evens.class);
        evens.setScope(scope);
        context.registerBeanDefinition("evens", evens);
        context.refresh();
        return context;
    }

    @Test
    void theBeanDecidesAndASingletonIsLookedUpOnce() {
        CountingBeanFactory beans = new CountingBeanFactory();
        try (GenericApplicationContext context = context(beans, ConfigurableBeanFactory.SCOPE_SINGLETON)) {
            SelectiveListeners.Adapter adapter = adapterOf(context);
            int before = beans.lookups.get();
            assertThat(adapter.supports(2)).isTrue();
            assertThat(adapter.supports(3)).isFalse();
            assertThat(adapter.supports(4)).isTrue();
            assertThat(beans.lookups.get() - before).isEqualTo(1);
        }
    }

    @Test
    void aBeanOfAnotherScopeIsLookedUpEveryTime() {
        CountingBeanFactory beans = new CountingBeanFactory();
        try (GenericApplicationContext context = context(beans, ConfigurableBeanFactory.SCOPE_PROTOTYPE)) {
            SelectiveListeners.Adapter adapter = adapterOf(context);
            int before = beans.lookups.get();
            assertThat(adapter.supports(2)).isTrue();
            assertThat(adapter.supports(3)).isFalse();
            assertThat(beans.lookups.get() - before).isEqualTo(2);
        }
    }
}
