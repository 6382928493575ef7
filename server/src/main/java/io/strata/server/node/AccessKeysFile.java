package io.strata.server.node;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The access keys a node verifies SigV4 signatures with, read from a Java properties file of
 * {@code access-key-id=secret-access-key} lines: a file rather than flags, so that secrets do not
 * show in the process list.
 */
public final class AccessKeysFile {
    private AccessKeysFile() {
    }

    /** @throws IllegalArgumentException if the file cannot be read or holds no key */
    public static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the access keys file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> keys = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> keys.put(key.strip(), properties.getProperty(key).strip()));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the access keys file " + file + " holds no access-key-id=secret line");
        }
        return keys;
    }
}
