package br.com.healthmed.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the npm client tools of {@code scripts/npm-packages} (a {@code node_modules/.bin} command, or
 * {@code node} on a script) from a test, installing them first when missing, and hands back the exit
 * status and everything the tool printed so a failing test can show it.
 */
public final class NodeTools {

    /** What a tool run printed (stdout and stderr interleaved) and how it ended. */
    public record Run(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private NodeTools() {}

    /** Runs {@code .engines/node_modules/.bin/<tool> args...} from the repository root. */
    public static Run bin(String tool, List<String> args, Duration timeout) {
        Path binary = NpmEngines.binary(tool);
        NpmEngines.installIfMissing(binary);
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(args);
        return run(command, timeout);
    }

    /** Runs {@code node script args...} with {@code .engines/node_modules} on NODE_PATH, so the script can require the tools. */
    public static Run node(Path script, List<String> args, Duration timeout) {
        NpmEngines.installIfMissing(NpmEngines.binary("dynalite"));
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(args);
        return run(command, timeout);
    }

    /** The folder the npm packages are installed in, e.g. for a config file that names a plugin. */
    public static Path modules() {
        return NpmEngines.binary("x").getParent().getParent();
    }

    private static Run run(List<String> command, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true);
            builder.environment().put("NODE_PATH", modules().toString());
            Process process = builder.start();
            // Read while it runs: a tool that prints more than the pipe holds would otherwise block.
            var output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append("(output unreadable: ").append(e.getMessage()).append(')');
                }
            }, "node-tool-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                reader.join(1000);
                return new Run(-1, "timed out after " + timeout + ": " + command + "\n" + output);
            }
            reader.join();
            return new Run(process.exitValue(), output.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command + " (node and npm are needed: scripts/test)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
