package org.mriworkbench.kernelspec;

import org.mriworkbench.kernel.*;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The smallest Jupyter client that can start a conversation with a kernel: {@code kernel_info}, {@code execute} and
 * {@code shutdown} on the shell channel, nothing on IOPub.
 *
 * <p>Why it exists: the class-data archive ({@link ClassDataArchive}) is recorded by a run that must go through
 * the same protocol code a notebook start does (sockets, message signing, the reply path), and {@code kernel
 * install} must not depend on a Python Jupyter being importable. It is built on JJava's own socket class, so it
 * signs and parses messages exactly as the kernel does. Tests use it too, to run a cell in a kernel process
 * without Python.
 */
final class KernelClient implements AutoCloseable {

    private final ZMQ.Context context = ZMQ.context(1);
    private final JupyterSocket shell;
    private final ZMQ.Poller poller;
    private final String session = UUID.randomUUID().toString();

    /** Connects to the shell channel of the kernel serving {@code props}. */
    KernelClient(KernelConnectionProperties props) throws GeneralSecurityException {
        shell = new JupyterSocket(context, SocketType.DEALER, props.createHMACGenerator(),
                LoggerFactory.getLogger(KernelClient.class)) {
            @Override
            public void bind(KernelConnectionProperties ignored) {
                throw new UnsupportedOperationException("a client connects");
            }
        };
        shell.setLinger(0);
        shell.connect(props.getTransport() + "://" + props.getIp() + ":" + props.getShellPort());
        poller = context.poller(1);
        poller.register(shell, ZMQ.Poller.POLLIN);
    }

    /** Connection properties on five free local ports, with a fresh signing key. */
    static KernelConnectionProperties localConnection() throws IOException {
        int[] ports = new int[5];
        for (int i = 0; i < ports.length; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ports[i] = s.getLocalPort();
            }
        }
        return new KernelConnectionProperties("127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], "tcp",
                "hmac-sha256", UUID.randomUUID().toString());
    }

    /** Waits for the kernel's {@code kernel_info_reply}; the kernel is then ready, as Jupyter sees it. */
    void kernelInfo(Duration timeout) {
        request(KernelInfoRequest.MESSAGE_TYPE, new KernelInfoRequest(), timeout);
    }

    /** Runs {@code code} as a cell; returns whether the reply's status is {@code ok}. */
    boolean execute(String code, Duration timeout) {
        Message<?> reply = request(ExecuteRequest.MESSAGE_TYPE,
                new ExecuteRequest(code, false, true, Map.of(), false, true), timeout);
        return reply.getContent() instanceof ExecuteReply r && r.getStatus() == ExecuteReply.Status.OK;
    }

    /** Asks the kernel to shut down and waits for its reply (the process exits after it). */
    void shutdown(Duration timeout) {
        request(ShutdownRequest.MESSAGE_TYPE, ShutdownRequest.SHUTDOWN, timeout);
    }

    /** Sends a request and returns the reply to it, skipping anything else; fails after {@code timeout}. */
    private <T> Message<?> request(MessageType<T> type, T content, Duration timeout) {
        Message<T> request = new Message<>(List.of(), new Header<>(session, type), content);
        String id = request.getHeader().getId();
        shell.sendMessage(request);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            if (left == 0 || poller.poll(left) <= 0) {
                throw new IllegalStateException("no reply to " + type.getName() + " within " + timeout.toSeconds()
                        + " s");
            }
            Message<?> reply = shell.readMessage();
            if (reply.hasParentHeader() && id.equals(reply.getParentHeader().getId())) {
                return reply;
            }
        }
    }

    @Override
    public void close() {
        poller.close();
        shell.close();
        context.term();
    }
}
