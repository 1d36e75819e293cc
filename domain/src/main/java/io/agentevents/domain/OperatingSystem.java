package io.agentevents.domain;

/**
 * The operating system of an agent's host, as the agent reports it.
 *
 * @param name         for example {@code Ubuntu}
 * @param version      for example {@code 14.04}
 * @param architecture for example {@code 64-bit}
 */
public record OperatingSystem(String name, String version, String architecture) {

    /** @throws IllegalArgumentException naming the field if one is not a valid text field */
    public OperatingSystem {
        TextFields.requireText(name, "host.os.name");
        TextFields.requireText(version, "host.os.version");
        TextFields.requireText(architecture, "host.os.architecture");
    }
}
