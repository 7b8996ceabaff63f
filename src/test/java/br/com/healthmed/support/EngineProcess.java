package br.com.healthmed.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One test engine as an operating-system process on a free loopback port: started with its output
 * discarded (the engines are chatty and the tests read their answers, not their logs), awaited until
 * the port accepts connections, and destroyed when the JVM exits. {@link Dynalite}, {@link SesLocal}
 * (through {@link NpmEngines}) and {@link RedisServer} all start theirs here.
 */
record EngineProcess(Process process, int port) {

    static final String HOST = "127.0.0.1";
    private static final Duration STARTUP = Duration.ofSeconds(30);

    /**
     * Starts the command {@code commandForPort} builds for a free port and returns the process once
     * that port answers; the process is destroyed at JVM exit if the caller has not done so.
     */
    static EngineProcess start(String name, IntFunction<List<String>> commandForPort) {
        int port = freePort();
        Process process;
        try {
            process = new ProcessBuilder(commandForPort.apply(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        waitForPort(name, port, process);
        return new EngineProcess(process, port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitForPort(String name, int port, Process process) {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(name + " did not open port " + port + " within " + STARTUP.toSeconds() + " s");
    }
}
