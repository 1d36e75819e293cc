package io.agentevents.bootstrap.config;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** How log lines are written: readable text, or one JSON object per line for log collectors. */
public enum LogFormat {
    TEXT("/logback.xml"),
    JSON("/logback-json.xml");

    private final String configuration;

    LogFormat(String configuration) {
        this.configuration = configuration;
    }

    public static LogFormat parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new ConfigException("--log-format must be text or json; got '" + text + "'");
        };
    }

    /** Reconfigures logging; the text format is what logging starts with, so it needs nothing. */
    public void apply() {
        if (this == TEXT || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL file = LogFormat.class.getResource(configuration);
        if (file == null) {
            throw new IllegalStateException(configuration + " is missing from the jar");
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        try {
            configurator.doConfigure(file);
        } catch (JoranException broken) {
            throw new IllegalStateException("cannot configure JSON logging: " + broken.getMessage(), broken);
        }
    }
}
