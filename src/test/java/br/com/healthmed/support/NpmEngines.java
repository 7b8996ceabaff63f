package br.com.healthmed.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test engines and client tools that come from npm (dynalite, aws-ses-v2-local, graphql-http, ...), installed together into
 * {@code .engines/} when one is missing ({@code scripts/test} installs them beforehand, this makes a
 * bare {@code mvn verify} work too), and started on a free loopback port. They are always installed in
 * one command: npm removes from a {@code --no-save} prefix every package the command did not name.
 */
final class NpmEngines {

    /** Every npm package the tests use, with the versions checked to work here: scripts/npm-packages, shared with scripts/test. */
    static final List<String> PACKAGES = readPackageList();

    private static final Path ENGINES = Path.of(".engines").toAbsolutePath();

    private NpmEngines() {}

    static Path binary(String name) {
        return ENGINES.resolve("node_modules/.bin/" + name);
    }

    /** Starts {@code name} (installing the engines first if it is missing) with its port argument and {@code args}. */
    static URI start(String name, List<String> args) {
        Path binary = binary(name);
        installIfMissing(binary);
        EngineProcess engine = EngineProcess.start(name, port -> {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port), "--host",
                    EngineProcess.HOST));
            command.addAll(args);
            return command;
        });
        return URI.create("http://" + EngineProcess.HOST + ":" + engine.port());
    }

    private static List<String> readPackageList() {
        try {
            return Files.readAllLines(Path.of("scripts/npm-packages")).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("scripts/npm-packages lists the npm packages the tests install", e);
        }
    }

    /** Installs every package of the list unless {@code binary} is already there. */
    static void installIfMissing(Path binary) {
        if (Files.isExecutable(binary)) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-save", "--no-package-lock", "--no-audit",
                "--no-fund", "--prefix", ENGINES.toString()));
        command.addAll(PACKAGES);
        try {
            Process npm = new ProcessBuilder(command).directory(new File(".")).inheritIO().start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isExecutable(binary)) {
                throw new IllegalStateException("npm could not install " + PACKAGES + " into " + ENGINES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("npm is needed to install the test engines (run scripts/test)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
