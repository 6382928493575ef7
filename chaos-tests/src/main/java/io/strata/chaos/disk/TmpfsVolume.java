package io.strata.chaos.disk;

import io.strata.chaos.process.HostCommand;
import io.strata.chaos.process.Teardown;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small tmpfs mounted as a node's data directory, so that "disk full" is real: filling it makes
 * every write of the node fail with ENOSPC, and deleting the filler frees the space again.
 * Unmounted by the run's {@link Teardown}.
 */
public final class TmpfsVolume {
    private static final String FILLER = ".chaos-disk-filler";

    private final Path mountPoint;

    private TmpfsVolume(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    public static TmpfsVolume mount(Path mountPoint, long sizeBytes, Teardown teardown) {
        try {
            Files.createDirectories(mountPoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HostCommand.check("mount", "-t", "tmpfs", "-o", "size=" + sizeBytes, "tmpfs", mountPoint.toString());
        teardown.register("tmpfs " + mountPoint, () -> {
            // Lazy unmount: a killed process may still hold a file open for a moment.
            HostCommand.check("umount", "-l", mountPoint.toString());
        });
        return new TmpfsVolume(mountPoint);
    }

    public Path mountPoint() {
        return mountPoint;
    }

    /** Fills the volume until the kernel reports no space left; returns the bytes written. */
    public long fill() {
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve(FILLER))) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException noSpaceLeft) {
            // Expected: the volume is full. Smaller writes still fit in the last partial page; top up.
            try (OutputStream out = Files.newOutputStream(mountPoint.resolve(FILLER + ".tail"))) {
                while (true) {
                    out.write(0);
                    out.flush();
                    written++;
                }
            } catch (IOException full) {
                return written;
            }
        }
    }

    /** Deletes the filler so the node can write again. */
    public void release() {
        try {
            Files.deleteIfExists(mountPoint.resolve(FILLER));
            Files.deleteIfExists(mountPoint.resolve(FILLER + ".tail"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot free " + mountPoint, e);
        }
    }
}
