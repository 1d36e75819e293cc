package io.agentevents.bootstrap.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Command-line options as {@code --name value} or {@code --name=value}, each at most once. */
public final class OptionArgs {

    private OptionArgs() {
    }

    /**
     * @param known  the option names accepted
     * @param prefix put before every message ({@code ""}, or {@code "simulate: "})
     * @param help   how to ask for help, named in messages
     * @return the options by name; empty if {@code --help} or {@code -h} was given
     * @throws ConfigException for an unknown, repeated or valueless option
     */
    public static Optional<Map<String, String>> parse(List<String> args, Collection<String> known, String prefix,
                                                      String help) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return Optional.empty();
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!known.contains(name)) {
                throw new ConfigException(prefix + "unknown option '" + name + "'; see " + help);
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                    : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null) {
                throw new ConfigException(prefix + name + " needs a value; see " + help);
            }
            if (options.put(name, value) != null) {
                throw new ConfigException(prefix + name + " is given more than once");
            }
        }
        return Optional.of(options);
    }
}
