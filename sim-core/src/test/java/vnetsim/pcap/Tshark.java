package vnetsim.pcap;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs Wireshark's tshark as an independent reader of the files we write. */
final class Tshark {

    /** Output of one tshark run. {@code stderr} excludes the harmless notice tshark prints when run as root. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().collect(Collectors.toList());
        }
    }

    private static final Optional<Path> EXECUTABLE = findOnPath("tshark");

    private Tshark() {
    }

    /** Skips (locally) or fails (CI) the current test when tshark is not on PATH. */
    static void require() {
        ExternalTool.require(EXECUTABLE.isPresent(), "tshark (not found on PATH)");
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(EXECUTABLE.orElseThrow().toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("tshark timed out: " + cmd);
        }
        String stderr = err.join().lines()
                .filter(l -> !l.startsWith("Running as user \"root\""))
                .collect(Collectors.joining("\n"));
        return new Result(p.exitValue(), out.join(), stderr);
    }

    /** One line per frame, fields tab-separated, in the order given. */
    static List<List<String>> fields(Path file, String... fields) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-n", "-r", file.toString(), "-T", "fields",
                "-E", "separator=/t", "-E", "occurrence=a"));
        for (String f : fields) {
            args.add("-e");
            args.add(f);
        }
        Result r = run(args.toArray(String[]::new));
        if (r.exitCode() != 0 || !r.stderr().isEmpty()) {
            throw new AssertionError("tshark failed (exit " + r.exitCode() + "): " + r.stderr());
        }
        return r.lines().stream().map(l -> List.of(l.split("\t", -1))).collect(Collectors.toList());
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
