package cn.civicloop.load;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.civicloop.cases.CaseOpened;

/**
 * The points of one {@code case.opened} on its way to Kafka, taken inside the app of {@link KafkaLagBenchmark}
 * (benchmark-only beans added to its context): the intake's commit (a plain listener registering an after-commit
 * callback), the start of the sending task (a decorator of the sender's executor: the hand-off's queue ends there),
 * the call of the Kafka producer, the broker's acknowledgement (the producer's callback, wrapped before Spring Kafka
 * gets it) and the end of what runs on the producer's I/O thread after it (Spring Kafka completing the send's future
 * and the sender handing the outcome to its completion threads). All in microseconds since the epoch; the consumer
 * adds the arrival.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaLagStamps {

    /** Per case number: the points, 0 until taken. */
    static final Map<String, Stamp> STAMPS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Long> TASK_START = new ThreadLocal<>();
    static volatile String senderThread = "";

    static final class Stamp {
        volatile long occurred;
        volatile long commit;
        volatile long listenerStart;
        volatile long sendCall;
        volatile long ack;
        volatile long callbackEnd;
        volatile long arrival;

        boolean complete() {
            return occurred > 0 && commit > 0 && listenerStart > 0 && sendCall > 0 && ack > 0 && callbackEnd > 0
                    && arrival > 0;
        }
    }

    static long now() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

    static Stamp of(String number) {
        return STAMPS.computeIfAbsent(number, n -> new Stamp());
    }

    @EventListener
    void opened(CaseOpened event) {
        Stamp stamp = of(event.number());
        stamp.occurred = event.occurredAt().getEpochSecond() * 1_000_000L + event.occurredAt().getNano() / 1_000;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    stamp.commit = now();
                }
            });
        }
    }

    @Bean
    static BeanPostProcessor kafkaLagStampsPostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ThreadPoolTaskExecutor executor && name.equals("kafkaSendingExecutor")) {
                    executor.setTaskDecorator(task -> () -> {
                        TASK_START.set(now());
                        try {
                            task.run();
                        } finally {
                            TASK_START.remove();
                        }
                    });
                }
                if (bean instanceof DefaultKafkaProducerFactory<?, ?> factory) {
                    @SuppressWarnings({ "unchecked", "rawtypes" })
                    DefaultKafkaProducerFactory<Object, Object> f = (DefaultKafkaProducerFactory) factory;
                    f.addPostProcessor(KafkaLagStamps::stamped);
                }
                return bean;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Producer<Object, Object> stamped(Producer<Object, Object> producer) {
        return (Producer<Object, Object>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
                new Class<?>[] { Producer.class }, (proxy, method, args) -> {
                    if (method.getName().equals("send") && args != null && args.length == 2
                            && args[0] instanceof ProducerRecord<?, ?> record
                            && "civicloop.cases".equals(record.topic()) && record.key() != null) {
                        Stamp stamp = of(String.valueOf(record.key()));
                        Long start = TASK_START.get();
                        if (start != null) {
                            stamp.listenerStart = start;
                        }
                        senderThread = Thread.currentThread().getName();
                        stamp.sendCall = now();
                        Callback callback = (Callback) args[1];
                        args[1] = (Callback) (metadata, exception) -> {
                            stamp.ack = now();
                            try {
                                if (callback != null) {
                                    callback.onCompletion(metadata, exception);
                                }
                            } finally {
                                stamp.callbackEnd = now();
                            }
                        };
                    }
                    try {
                        return method.invoke(producer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** One line per stage: p50, p95, p99 in milliseconds over the stamps complete for the given case numbers. */
    static List<String> report(List<Stamp> stamps) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-44s %8s %8s %8s %8s", "stage (ms)", "p50", "p95", "p99", "max"));
        line(lines, stamps, "request start → intake commit", s -> s.commit - s.occurred);
        line(lines, stamps, "commit → sender task start (hand-off)", s -> s.listenerStart - s.commit);
        line(lines, stamps, "task start → producer send call", s -> s.sendCall - s.listenerStart);
        line(lines, stamps, "send call → broker ack", s -> s.ack - s.sendCall);
        line(lines, stamps, "ack callback on producer I/O thread", s -> s.callbackEnd - s.ack);
        line(lines, stamps, "ack → consumer arrival", s -> s.arrival - s.ack);
        line(lines, stamps, "commit → consumer arrival", s -> s.arrival - s.commit);
        line(lines, stamps, "occurredAt → consumer arrival (the lag)", s -> s.arrival - s.occurred);
        return lines;
    }

    private static void line(List<String> lines, List<Stamp> stamps, String name, ToLongFunction<Stamp> f) {
        long[] v = stamps.stream().mapToLong(f).sorted().toArray();
        if (v.length == 0) {
            return;
        }
        lines.add(String.format("%-44s %8.1f %8.1f %8.1f %8.1f", name, pct(v, 50) / 1000.0, pct(v, 95) / 1000.0,
                pct(v, 99) / 1000.0, v[v.length - 1] / 1000.0));
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
