package io.agentevents.bootstrap.config;

/** A bad command-line option, environment variable or tokens file: reported in one line, exit code 2. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
