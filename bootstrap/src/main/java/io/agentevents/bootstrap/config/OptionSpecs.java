package io.agentevents.bootstrap.config;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * picocli's half of reading options: a command's annotated options, parsed into the text each
 * was given, completed from environment variables (an option given wins; a blank variable counts
 * as unset). Checking the values is the callers' half, so their messages stay the same.
 */
public final class OptionSpecs {

    private OptionSpecs() {
    }

    /**
     * @param command     a picocli {@code @Command} with {@code @Option} fields of type String
     * @param variables   each option's environment variable, by its long name
     * @param environment the process's environment
     * @param prefix      put before every message ({@code ""}, or {@code "simulate: "})
     * @return the options by long name; empty if help or the version was asked for
     * @throws ConfigException for an unknown, repeated, missing or valueless option
     */
    public static Optional<Map<String, String>> parse(Object command, List<String> args, Map<String, String> variables,
                                                      Map<String, String> environment, String prefix) {
        CommandLine cli = commandLine(command, variables, environment);
        ParseResult result;
        try {
            result = cli.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException bad) {
            throw new ConfigException(prefix + oneLine(bad.getMessage()) + "; see "
                    + (prefix.isEmpty() ? "" : prefix.replace(": ", " ")) + "--help");
        }
        if (result.isUsageHelpRequested() || result.isVersionHelpRequested()) {
            return Optional.empty();
        }
        Map<String, String> options = new HashMap<>();
        for (OptionSpec option : cli.getCommandSpec().options()) {
            Object value = option.getValue();
            if (!option.usageHelp() && !option.versionHelp() && value != null) {
                options.put(option.longestName(), value.toString());
            }
        }
        return Optional.of(options);
    }

    /** The help or the version text, if {@code args} ask for either; empty otherwise (or if they are malformed). */
    public static Optional<String> informationAsked(Object command, List<String> args) {
        CommandLine cli = new CommandLine(command);
        try {
            ParseResult result = cli.parseArgs(args.toArray(String[]::new));
            if (result.isUsageHelpRequested()) {
                return Optional.of(cli.getUsageMessage());
            }
            if (result.isVersionHelpRequested()) {
                StringWriter text = new StringWriter();
                cli.printVersionHelp(new PrintWriter(text, true));
                return Optional.of(text.toString());
            }
        } catch (ParameterException malformed) {
            // parse() reports it
        }
        return Optional.empty();
    }

    /** The generated help of a command. */
    public static String usage(Object command) {
        return new CommandLine(command).getUsageMessage();
    }

    private static CommandLine commandLine(Object command, Map<String, String> variables, Map<String, String> environment) {
        CommandLine cli = new CommandLine(command);
        cli.setDefaultValueProvider(argument -> {
            if (!(argument instanceof OptionSpec option)) {
                return null;
            }
            String variable = variables.get(option.longestName());
            String value = variable == null ? null : environment.get(variable);
            return value == null || value.isBlank() ? null : value;
        });
        return cli;
    }

    private static String oneLine(String message) {
        String line = message.strip().lines().findFirst().orElse("bad options");
        return line.isEmpty() ? line : Character.toLowerCase(line.charAt(0)) + line.substring(1);
    }
}
