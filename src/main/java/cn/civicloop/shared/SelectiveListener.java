package cn.civicloop.shared;

/**
 * A bean whose after-commit event listeners ({@code @ApplicationModuleListener}, {@code @TransactionalEventListener})
 * take only the events {@link #takes} accepts, said in Java instead of a SpEL {@code condition}. Spring Modulith asks
 * it when it decides for which listeners an event's publication is stored: an event refused here stores no
 * publication and reaches none of the bean's after-commit listener methods. A SpEL condition was parsed once but
 * evaluated for every listener of every event, when storing and again when invoking, each time with a fresh
 * evaluation context and reflective calls (docs/operations.md).
 * <p>
 * The bean sees every event any of its after-commit listener methods is declared for; one without a say returns
 * {@code true}. Plain {@code @EventListener} methods (in the publishing transaction) are not filtered.
 */
public interface SelectiveListener {

    /** Whether this bean's listener for the event's type wants {@code event} (the payload, e.g. a record). */
    boolean takes(Object event);
}
