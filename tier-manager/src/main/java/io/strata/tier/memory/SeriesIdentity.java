package io.strata.tier.memory;

import io.strata.core.model.Dimension;
import io.strata.core.model.SeriesKey;
import io.strata.internal.v1.StoredRecord;
import java.util.Arrays;

/**
 * A series' hash-map key, comparable against a {@link StoredRecord} without building a
 * {@link SeriesKey}: apply looks every record's series up through a reused {@link Probe}, so only
 * a series' first record allocates a key. Relies on the command's promise that dimensions arrive
 * sorted by name (so equal series compare equal field by field).
 */
final class SeriesIdentity {
    private final String measureName;
    private final String[] names;
    private final String[] values;
    private final int hash;

    private SeriesIdentity(String measureName, String[] names, String[] values, int hash) {
        this.measureName = measureName;
        this.names = names;
        this.values = values;
        this.hash = hash;
    }

    static SeriesIdentity of(SeriesKey key) {
        int count = key.dimensions().size();
        String[] names = new String[count];
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            Dimension dimension = key.dimensions().get(i);
            names[i] = dimension.name();
            values[i] = dimension.value();
        }
        String measureName = key.measureName().value();
        return new SeriesIdentity(measureName, names, values, hash(measureName, names, values));
    }

    static SeriesIdentity of(StoredRecord record) {
        int count = record.getDimensionsCount();
        String[] names = new String[count];
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = record.getDimensions(i).getName();
            values[i] = record.getDimensions(i).getValue();
        }
        return new SeriesIdentity(record.getMeasureName(), names, values, hash(record.getMeasureName(), names, values));
    }

    private static int hash(String measureName, String[] names, String[] values) {
        int hash = measureName.hashCode();
        for (int i = 0; i < names.length; i++) {
            hash = 31 * (31 * hash + names[i].hashCode()) + values[i].hashCode();
        }
        return hash;
    }

    static int hash(StoredRecord record) {
        int hash = record.getMeasureName().hashCode();
        for (int i = 0; i < record.getDimensionsCount(); i++) {
            hash = 31 * (31 * hash + record.getDimensions(i).getName().hashCode())
                    + record.getDimensions(i).getValue().hashCode();
        }
        return hash;
    }

    boolean matches(StoredRecord record) {
        if (record.getDimensionsCount() != names.length || !measureName.equals(record.getMeasureName())) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(record.getDimensions(i).getName())
                    || !values[i].equals(record.getDimensions(i).getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof Probe probe) {
            return probe.equals(this);
        }
        return other instanceof SeriesIdentity that && hash == that.hash && measureName.equals(that.measureName)
                && Arrays.equals(names, that.names) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** A reusable lookup key standing for the series of the record it is pointed at. Not thread-safe. */
    static final class Probe {
        private StoredRecord record;
        private int hash;

        Probe pointAt(StoredRecord target) {
            this.record = target;
            this.hash = SeriesIdentity.hash(target);
            return this;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SeriesIdentity identity && identity.hash == hash && identity.matches(record);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
