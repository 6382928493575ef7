package io.strata.chaos.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A command line that runs a main class in a fresh JVM on this JVM's class path. */
public final class JavaCommand {
    private JavaCommand() {}

    public static List<String> of(Class<?> mainClass, List<String> jvmArguments, List<String> arguments) {
        return of(mainClass.getName(), jvmArguments, arguments);
    }

    public static List<String> of(String mainClass, List<String> jvmArguments, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmArguments);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }
}
