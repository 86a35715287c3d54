package dev.ec2inventory.api;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import sun.misc.Unsafe;

/**
 * The main of the fresh JVM {@link SnapStartPrimingTest} starts: it builds and prepares a function's wiring as
 * Lambda's init phase does, runs the SnapStart hook that precedes the snapshot, and prints what the JVM then holds that would be unique to
 * a sandbox, as {@code key=value} lines. A fresh JVM, because the test JVM has long since generated ids and seeded
 * random generators in other tests.
 */
public final class CheckpointProbe {

    private CheckpointProbe() {
    }

    public static void main(String[] args) throws Exception {
        CountingProperties properties = new CountingProperties(System.getProperties());
        System.setProperties(properties);
        try (ServerSocketChannel dataApi = ServerSocketChannel.open()) {
            dataApi.bind(new InetSocketAddress("127.0.0.1", 0));
            dataApi.configureBlocking(false);
            Map<String, String> environment = new HashMap<>(FunctionWiringTest.ENVIRONMENT);
            environment.put("DATA_API_ENDPOINT", "http://127.0.0.1:" + dataApi.socket().getLocalPort());
            // As Lambda's init phase builds it: prepared, part of it in parallel with building the client.
            FunctionWiring wiring = FunctionWiring.preparedInParallel(environment);
            SnapStartPriming hooks = new SnapStartPriming(wiring::prepare);
            long socketsBefore = openSockets();

            hooks.beforeCheckpoint(null);

            System.out.println("connections=" + (dataApi.accept() == null ? 0 : 1));
            System.out.println("sockets_opened=" + (openSockets() - socketsBefore));
        }
        System.out.println("threads_left=" + Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).filter(name -> name.equals("data-api-rehearsal")
                        || name.equals("Keep-Alive-Timer")).toList());
        System.out.println("credential_reads=" + properties.credentialReads.get());
        System.out.println("uuid_generator=" + initialised("java.util.UUID$Holder"));
        System.out.println("xray_entity_storage=" + initialised("com.amazonaws.xray.ThreadLocalStorage"));
        System.out.println("thread_local_random=" + threadLocalRandomSeeded());
    }

    /** The process's open sockets, counted from its file descriptors. */
    private static long openSockets() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.filter(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).toString().startsWith("socket:");
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            }).count();
        }
    }

    /** Whether the class has run its static initialiser: for these, whether it created its random generator. */
    private static boolean initialised(String className) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className, false, CheckpointProbe.class.getClassLoader());
        return !unsafe().shouldBeInitialized(type);
    }

    /** Whether this thread's ThreadLocalRandom has been seeded (its probe is 0 until then). */
    private static boolean threadLocalRandomSeeded() throws ReflectiveOperationException {
        Field probe = Thread.class.getDeclaredField("threadLocalRandomProbe");
        probe.setAccessible(true);
        return probe.getInt(Thread.currentThread()) != 0;
    }

    @SuppressWarnings("removal")
    private static Unsafe unsafe() throws ReflectiveOperationException {
        Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        return (Unsafe) theUnsafe.get(null);
    }

    /** The JVM's properties, counting reads of the AWS keys: the SDK's chain asks for them first. */
    private static final class CountingProperties extends Properties {

        final AtomicInteger credentialReads = new AtomicInteger();

        CountingProperties(Properties original) {
            putAll(original);
        }

        @Override
        public String getProperty(String key) {
            if (key.startsWith("aws.") && (key.endsWith("accessKeyId") || key.endsWith("secretAccessKey")
                    || key.endsWith("sessionToken"))) {
                credentialReads.incrementAndGet();
            }
            return super.getProperty(key);
        }
    }
}
