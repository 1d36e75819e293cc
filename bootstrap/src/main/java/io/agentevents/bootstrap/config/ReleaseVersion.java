package io.agentevents.bootstrap.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** This build's release (CHANGELOG.md), as Maven wrote it into the jar: what {@code --version} prints. */
public final class ReleaseVersion implements IVersionProvider {

    private static final String RESOURCE = "/io/agentevents/bootstrap/release.properties";

    /** The release, like {@code 0.1.1}, or {@code 0.1.2-SNAPSHOT} for a build between releases. */
    public static String current() {
        try (InputStream in = ReleaseVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"agent-events " + current()};
    }
}
