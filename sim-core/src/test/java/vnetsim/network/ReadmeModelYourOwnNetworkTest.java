package vnetsim.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Model your own network" snippet, exactly as printed: compiled with javac against sim-core and
 * its test libraries only (as in a new project), then every {@code @Test} in it run. The README cannot rot.
 */
class ReadmeModelYourOwnNetworkTest {
    private static final Pattern SECTION = Pattern.compile(
            "## Model your own network\\n.*?```java\\n(.*?)```", Pattern.DOTALL);

    static String snippet() throws Exception {
        final String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        final Matcher m = SECTION.matcher(readme);
        assertThat(m.find()).as("README.md has a 'Model your own network' section with a java block").isTrue();
        return m.group(1);
    }

    @Test
    void the_snippet_compiles_alone_and_its_tests_pass(@TempDir final Path dir) throws Exception {
        final String code = snippet();
        assertThat(code.lines().count()).isBetween(30L, 50L);
        final Path source = dir.resolve("MyNetworkTest.java");
        Files.writeString(source, code, StandardCharsets.UTF_8);

        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        final StringWriter diagnostics = new StringWriter();
        final boolean compiled = javac.getTask(new PrintWriter(diagnostics), null, null,
                List.of("-d", dir.toString(), "-cp", classpath(), "-proc:none", "-Xlint:none"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source.toFile()))
                .call();
        assertThat(compiled).as("javac on the README snippet:\n" + diagnostics).isTrue();

        final List<String> ran = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            final Class<?> test = loader.loadClass("MyNetworkTest");
            final var constructor = test.getDeclaredConstructor();
            constructor.setAccessible(true);
            final Object instance = constructor.newInstance();
            for (final Method method : test.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class)) {
                    method.setAccessible(true);
                    try {
                        method.invoke(instance);
                    } catch (InvocationTargetException e) {
                        throw new AssertionError("README snippet test " + method.getName() + " failed", e.getCause());
                    }
                    ran.add(method.getName());
                }
            }
        }
        assertThat(ran).containsExactlyInAnyOrder("vm_a_reaches_vm_b_through_the_router",
                "vm_a_reaches_the_upstream_on_the_routed_port_untagged");
    }

    /** sim-core's classes and the libraries a user's test scope has: JUnit 5 and AssertJ (no test classes). */
    private static String classpath() throws URISyntaxException {
        final List<String> entries = new ArrayList<>();
        for (final Class<?> c : List.of(NetworkBuilder.class, org.assertj.core.api.Assertions.class, Test.class,
                com.google.common.collect.ImmutableList.class, org.agrona.collections.Int2IntHashMap.class)) {
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        try {
            final Class<?> apiGuardian = Class.forName("org.apiguardian.api.API");
            entries.add(Path.of(apiGuardian.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (ClassNotFoundException e) {
            // JUnit's @API annotations are optional for javac
        }
        return Stream.of(entries.toArray(String[]::new)).distinct().collect(Collectors.joining(File.pathSeparator));
    }
}
