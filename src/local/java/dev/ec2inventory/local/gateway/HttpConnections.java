package dev.ec2inventory.local.gateway;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A small HTTP/1.1 server on 127.0.0.1, written for the gateway instead of the JDK's {@code HttpServer} because that
 * one answers malformed requests itself, before any handler runs, with HTML pages that name Java exceptions. Here
 * every request, however malformed, reaches {@link HttpRequestReader} and every refusal is JSON.
 */
final class HttpConnections implements AutoCloseable {

    /** What the gateway does with a request whose head and body were read. */
    interface Exchange {
        GatewayResponse answer(RequestHead head, RequestBody body, String sourceIp, int localPort);
    }

    /** Open connections served at once; each holds a thread, so a client opening more is told to slow down. */
    static final int MAX_CONNECTIONS = 256;
    /**
     * Requests whose bodies are read and answered at once (as many as the JDK server's worker pool had), so memory
     * holds at most this many bodies of {@code keepAtMost} bytes however many connections send one.
     */
    static final int MAX_CONCURRENT_EXCHANGES = 16;
    private static final int IDLE_MILLIS = 30_000;
    private static final int DRAIN_MILLIS = 1_000;
    private static final long DRAIN_BYTES = 16L * 1024 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private final Semaphore exchanges = new Semaphore(MAX_CONCURRENT_EXCHANGES);
    private final Exchange exchange;
    private final int keepAtMost;
    private final long refuseAbove;

    private HttpConnections(ServerSocket listener, int maxConnections, Exchange exchange, int keepAtMost,
                            long refuseAbove) {
        this.listener = listener;
        this.slots = new Semaphore(maxConnections);
        this.exchange = exchange;
        this.keepAtMost = keepAtMost;
        this.refuseAbove = refuseAbove;
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "api-gateway");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param keepAtMost  body bytes held in memory per request
     * @param refuseAbove bodies longer than this are answered 413 without being held
     */
    static HttpConnections start(int port, int maxConnections, Exchange exchange, int keepAtMost,
                                 long refuseAbove) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            HttpConnections connections = new HttpConnections(listener, maxConnections, exchange, keepAtMost,
                    refuseAbove);
            connections.threads.execute(connections::acceptLoop);
            return connections;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing is all that is wanted; a listener that fails to close is gone anyway.
        }
        open.forEach(HttpConnections::closeQuietly);
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                if (!slots.tryAcquire()) {
                    refuseBusy(socket);
                    continue;
                }
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(IDLE_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean keepOpen = true;
            while (keepOpen) {
                keepOpen = exchangeOne(socket, in, out);
            }
        } catch (IOException | UncheckedIOException closedOrIdle) {
            // The client went away or stayed idle too long: nothing is left to answer.
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
            slots.release();
        }
    }

    /** API Gateway's throttling answer; it is small enough to fit the socket's send buffer, so writing never blocks. */
    private static void refuseBusy(Socket socket) {
        try (socket) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            write(out, GatewayResponse.message(429, "Too Many Requests", null).withRequestId(newRequestId()), false, true);
        } catch (IOException gone) {
            // The client left first: nothing to refuse.
        }
    }

    /** Reads one request and answers it; false when the connection must close. */
    private boolean exchangeOne(Socket socket, InputStream in, OutputStream out)
            throws IOException, InterruptedException {
        RequestHead head;
        try {
            head = HttpRequestReader.readHead(in);
        } catch (GatewayRefusal refusal) {
            refuse(socket, in, out, refusal, false);
            return false;
        }
        if (head == null) {
            return false;
        }
        exchanges.acquire();
        try {
            return bodyAndAnswer(socket, in, out, head);
        } finally {
            exchanges.release();
        }
    }

    private boolean bodyAndAnswer(Socket socket, InputStream in, OutputStream out, RequestHead head)
            throws IOException {
        RequestBody body;
        try {
            boolean expectsContinue = head.expectsContinue();
            body = RequestBody.read(head, in, keepAtMost, refuseAbove, () -> {
                if (expectsContinue) {
                    writeQuietly(out, CONTINUE);
                }
            });
        } catch (GatewayRefusal refusal) {
            refuse(socket, in, out, refusal, head.method().equals("HEAD"));
            return false;
        }
        GatewayResponse response = exchange.answer(head, body,
                socket.getInetAddress().getHostAddress(), socket.getLocalPort());
        write(out, response, head.method().equals("HEAD"), !head.keepAlive());
        return head.keepAlive();
    }

    private static void refuse(Socket socket, InputStream in, OutputStream out, GatewayRefusal refusal, boolean isHead)
            throws IOException {
        write(out, GatewayResponse.message(refusal.status(), refusal.getMessage(), null)
                .withRequestId(newRequestId()), isHead, true);
        drain(socket, in);
    }

    private static void write(OutputStream out, GatewayResponse response, boolean isHead, boolean close)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(ReasonPhrase.of(response.status())).append("\r\n");
        for (Map.Entry<String, String> header : response.headers()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        head.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\nContent-Length: ").append(response.body().length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        if (!isHead) {
            out.write(response.body());
        }
        out.flush();
    }

    /**
     * After a refusal the client may still be sending the rest of its request; reading it (bounded in bytes and time)
     * before closing keeps the connection from being reset, which would throw the answer away unread.
     */
    private static void drain(Socket socket, InputStream in) {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(DRAIN_MILLIS);
            long drained = 0;
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0 && drained < DRAIN_BYTES; n = in.read(buffer)) {
                drained += n;
            }
        } catch (IOException doneOrTimedOut) {
            // Either way the connection closes next.
        }
    }

    private static void writeQuietly(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is wanted.
        }
    }

    /** API Gateway names every answer, its own refusals too. */
    private static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
