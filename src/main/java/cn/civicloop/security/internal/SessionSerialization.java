package cn.civicloop.security.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.Deserializer;
import org.springframework.core.serializer.Serializer;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How page-session attributes are written to the shared session table (Spring Session JDBC, ADR 0009): Java
 * serialization, except that a record which is not {@link Serializable} — e.g. a command's answer that a page
 * flashes across its redirect — is written as its class name and components and rebuilt with its canonical
 * constructor. Modules keep flashing their plain records; the session stays readable by every instance.
 */
@Configuration(proxyBeanMethods = false)
class SessionSerialization {

    /**
     * What a session attribute may contain (finding: session deserialisation without a class allow-list): the
     * application's own classes, the JDK's value and collection types, Spring Security's context and saved request,
     * Spring MVC's flash map; anything else (a deserialisation gadget written into the session table) is refused
     * before it is instantiated. Limits on depth, references and array sizes keep a crafted graph small.
     */
    private static final ObjectInputFilter PATTERN = ObjectInputFilter.Config.createFilter(String.join(";",
            "maxdepth=40", "maxrefs=200000", "maxarray=200000", "maxbytes=4000000",
            "cn.civicloop.**", "java.lang.*", "java.util.*", "java.time.*", "java.math.*", "java.net.URL", "java.net.URI",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.ConcurrentHashMap",
            "org.springframework.security.**", "org.springframework.web.**", "org.springframework.util.**",
            "org.springframework.http.**", "jakarta.servlet.http.Cookie", "!*"));

    /** {@link #PATTERN}, logging the class it refuses (an operator needs to know what a session held). */
    static final ObjectInputFilter ALLOWED = info -> {
        ObjectInputFilter.Status status = PATTERN.checkInput(info);
        if (status == ObjectInputFilter.Status.REJECTED) {
            org.slf4j.LoggerFactory.getLogger(SessionSerialization.class).warn(
                    "Session attribute refused by the allow-list: class {}, depth {}, references {}, bytes {}",
                    info.serialClass() == null ? "-" : info.serialClass().getName(), info.depth(), info.references(),
                    info.streamBytes());
        }
        return status;
    };

    @Bean("springSessionConversionService")
    ConversionService springSessionConversionService() {
        ClassLoader loader = SessionSerialization.class.getClassLoader();
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter(new RecordFriendlySerializer()));
        conversions.addConverter(byte[].class, Object.class,
                new DeserializingConverter(new RecordFriendlyDeserializer(loader)));
        return conversions;
    }

    /** A non-serializable record in transit. */
    record RecordCopy(String type, Object[] components) implements Serializable {
    }

    static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        new RecordFriendlySerializer().serialize(value, out);
        return out.toByteArray();
    }

    static Object read(byte[] bytes) throws IOException {
        return new RecordFriendlyDeserializer(SessionSerialization.class.getClassLoader())
                .deserialize(new ByteArrayInputStream(bytes));
    }

    static final class RecordFriendlySerializer implements Serializer<Object> {
        @Override
        public void serialize(Object object, OutputStream outputStream) throws IOException {
            ObjectOutputStream out = new ObjectOutputStream(outputStream) {
                {
                    enableReplaceObject(true);
                }

                @Override
                protected Object replaceObject(Object obj) throws IOException {
                    if (obj instanceof Record r && !(obj instanceof Serializable)) {
                        RecordComponent[] parts = r.getClass().getRecordComponents();
                        Object[] values = new Object[parts.length];
                        for (int i = 0; i < parts.length; i++) {
                            try {
                                parts[i].getAccessor().setAccessible(true);
                                values[i] = parts[i].getAccessor().invoke(r);
                            } catch (ReflectiveOperationException e) {
                                throw new IOException("cannot copy record " + r.getClass().getName(), e);
                            }
                        }
                        return new RecordCopy(r.getClass().getName(), values);
                    }
                    return obj;
                }
            };
            out.writeObject(object);
            out.flush();
        }
    }

    static final class RecordFriendlyDeserializer implements Deserializer<Object> {
        private final ClassLoader loader;

        RecordFriendlyDeserializer(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public Object deserialize(InputStream inputStream) throws IOException {
            ConfigurableObjectInputStream in = new ConfigurableObjectInputStream(inputStream, loader) {
                {
                    enableResolveObject(true);
                    setObjectInputFilter(ALLOWED);
                }

                @Override
                protected Object resolveObject(Object obj) throws IOException {
                    return obj instanceof RecordCopy copy ? rebuild(copy) : obj;
                }
            };
            try {
                return in.readObject();
            } catch (ClassNotFoundException e) {
                throw new IOException("session attribute of an unknown class", e);
            }
        }

        private Object rebuild(RecordCopy copy) throws IOException {
            try {
                Class<?> type = Class.forName(copy.type(), false, loader);
                RecordComponent[] parts = type.getRecordComponents();
                Class<?>[] types = new Class<?>[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    types[i] = parts[i].getType();
                }
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(copy.components());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IOException("cannot rebuild record " + copy.type(), e);
            }
        }
    }
}
