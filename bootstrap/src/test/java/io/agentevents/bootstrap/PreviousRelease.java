package io.agentevents.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release this build upgrades from, as {@code .ci/release.sh} builds it from its commit in
 * CHANGELOG.md (once; later calls reuse it). Tests run in the module's folder, so the repository
 * is one up.
 */
final class PreviousRelease {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern POM_PROPERTY = Pattern.compile(
            "<agent-events\\.previous-release>([^<]+)</agent-events\\.previous-release>");

    private PreviousRelease() {
    }

    /** The version {@code pom.xml} names as the previous release. */
    static String version() throws IOException {
        Matcher property = POM_PROPERTY.matcher(Files.readString(ROOT.resolve("pom.xml")));
        if (!property.find()) {
            throw new AssertionError("pom.xml names no agent-events.previous-release");
        }
        return property.group(1);
    }

    /** The newest release of CHANGELOG.md with a commit, as the script reads it. */
    static String newestInChangelog() throws IOException {
        return Path.of(build("previous").toString()).getFileName().toString();
    }

    /** The runnable jar of the previous release. */
    static Path serviceJar() throws IOException {
        return build(version()).resolve("agent-events.jar");
    }

    private static Path build(String which) throws IOException {
        Process script = new ProcessBuilder("bash", ROOT.resolve(".ci/release.sh").toString(), which)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String folder = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!script.waitFor(15, TimeUnit.MINUTES) || script.exitValue() != 0) {
                throw new AssertionError(".ci/release.sh " + which + " failed (its output is above)");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while building release " + which, interrupted);
        }
        return Path.of(folder);
    }
}
