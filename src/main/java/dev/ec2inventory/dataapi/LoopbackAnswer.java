package dev.ec2inventory.dataapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP answer, served once on a loopback port of its own: a rehearsed call takes the JDK's HTTP client through a
 * real connection (socket, request, status line, headers, body) without leaving the machine. The answer says
 * {@code Connection: close}, so the client keeps no connection for later, and {@link #close()} ends the server and its
 * thread: a SnapStart snapshot taken afterwards holds neither.
 */
final class LoopbackAnswer implements AutoCloseable {

    /** How long the server waits for the rehearsed call's connection, and for its request. */
    private static final int WAIT_MILLIS = 10_000;
    /** The last four bytes of a request's head, CR LF CR LF, read as one int. */
    private static final int BLANK_LINE = 0x0D0A0D0A;

    private final ServerSocket server;
    private final Thread answering;

    private LoopbackAnswer(ServerSocket server, byte[] body) {
        this.server = server;
        this.answering = new Thread(() -> answerOnce(body), "data-api-rehearsal");
        answering.setDaemon(true);
    }

    /** Listens on 127.0.0.1, on a port the system picks, to answer the first request with {@code body}. */
    static LoopbackAnswer serve(byte[] body) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(WAIT_MILLIS);
        LoopbackAnswer answer = new LoopbackAnswer(server, body);
        answer.answering.start();
        return answer;
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
            answering.join(WAIT_MILLIS);
        } catch (IOException e) {
            // Closing a listening socket fails only when it is already closed.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answerOnce(byte[] body) {
        try (Socket connection = server.accept()) {
            connection.setSoTimeout(WAIT_MILLIS);
            readRequest(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (SocketException e) {
            // Closed before a request came: the rehearsal gave up, and its caller hears why from its own client.
        } catch (IOException e) {
            // The client went away mid-answer: its own call fails, and says so.
        }
    }

    /** Reads the request's head and as many body bytes as its Content-Length says, so the client sees it taken. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != BLANK_LINE) {
            int next = in.read();
            if (next < 0) {
                return;
            }
            head.write(next);
            lastFour = lastFour << 8 | next;
        }
        in.skipNBytes(contentLength(head.toString(StandardCharsets.ISO_8859_1)));
    }

    private static long contentLength(String head) {
        return head.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToLong(line -> Long.parseLong(line.substring("content-length:".length()).trim()))
                .findFirst().orElse(0);
    }
}
