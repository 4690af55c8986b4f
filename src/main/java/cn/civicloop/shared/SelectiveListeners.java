package cn.civicloop.shared;

import java.lang.reflect.Method;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListenerFactory;

/**
 * Makes the after-commit listener methods of a {@link SelectiveListener} bean conditional listeners in Spring
 * Modulith's sense ({@link ConditionalEventListener}): its multicaster asks {@code supports(event)} of each listener
 * before it stores a publication for it and hands it the event, so the bean's {@link SelectiveListener#takes}
 * decides, once per event and listener, in plain Java.
 */
@Configuration(proxyBeanMethods = false)
class SelectiveListeners {

    /**
     * Ahead of Spring's factory of transactional listeners (order 50) and of Modulith's for externalized events (25),
     * so that this one makes the adapter of a selective bean's methods.
     */
    static final int ORDER = 20;

    @Bean
    static TransactionalEventListenerFactory selectiveListenerFactory() {
        return new Factory();
    }

    /** Creates the adapters of the transactional listener methods declared by {@link SelectiveListener} beans. */
    static final class Factory extends TransactionalEventListenerFactory implements ApplicationContextAware {

        private ApplicationContext context;

        Factory() {
            setOrder(ORDER);
        }

        @Override
        public void setApplicationContext(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public boolean supportsMethod(Method method) {
            return super.supportsMethod(method) && SelectiveListener.class.isAssignableFrom(method.getDeclaringClass());
        }

        @Override
        public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
            return new Adapter(beanName, type, method, context);
        }
    }

    /**
     * Spring's adapter, asking the bean whether it takes the event. A singleton bean is looked up once: the registry
     * asks every listener of every event, and the lookup by name was most of the cost of asking.
     */
    static final class Adapter extends TransactionalApplicationListenerMethodAdapter implements ConditionalEventListener {

        private final String beanName;
        private final ApplicationContext context;
        private volatile SelectiveListener singleton;

        Adapter(String beanName, Class<?> targetClass, Method method, ApplicationContext context) {
            super(beanName, targetClass, method);
            this.beanName = beanName;
            this.context = context;
        }

        @Override
        public boolean supports(Object event) {
            SelectiveListener bean = singleton;
            if (bean == null) {
                bean = (SelectiveListener) getTargetBean();
                if (context != null && context.isSingleton(beanName)) {
                    singleton = bean;
                }
            }
            return bean.takes(event);
        }
    }
}
