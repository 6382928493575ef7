package io.strata.chaos.process;

import java.time.Duration;
import java.util.List;

/**
 * Installs a Debian package when the tool a nemesis needs is missing (the harness runs as root on
 * throwaway machines). Returns whether the tool is usable afterwards, so callers can fall back.
 */
public final class ToolInstaller {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private ToolInstaller() {}

    public static synchronized boolean ensure(String executable, String debianPackage) {
        if (HostCommand.available(executable)) {
            return true;
        }
        if (!HostCommand.available("apt-get")) {
            return false;
        }
        List<String> install = List.of("apt-get", "install", "-y", "--no-install-recommends", debianPackage);
        if (!HostCommand.run(INSTALL_TIMEOUT, install).succeeded()) {
            HostCommand.run(INSTALL_TIMEOUT, List.of("apt-get", "update"));
            HostCommand.run(INSTALL_TIMEOUT, install);
        }
        return HostCommand.available(executable);
    }

    /** Whether a file installed by a package exists, installing the package when it does not. */
    public static synchronized boolean ensureFile(java.nio.file.Path file, String debianPackage) {
        if (java.nio.file.Files.exists(file)) {
            return true;
        }
        if (HostCommand.available("apt-get")) {
            List<String> install = List.of("apt-get", "install", "-y", "--no-install-recommends", debianPackage);
            if (!HostCommand.run(INSTALL_TIMEOUT, install).succeeded()) {
                HostCommand.run(INSTALL_TIMEOUT, List.of("apt-get", "update"));
                HostCommand.run(INSTALL_TIMEOUT, install);
            }
        }
        return java.nio.file.Files.exists(file);
    }
}
