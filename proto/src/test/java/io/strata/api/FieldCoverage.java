package io.strata.api;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which fields a set of sample messages leaves unset, over every message type the samples reach.
 *
 * <p>A round-trip test only proves what its sample sets; this keeps the samples honest: a field added
 * to the schema later and not covered by the sample shows up here by name.
 */
final class FieldCoverage {

    private final Set<Descriptor> reachedTypes = new LinkedHashSet<>();
    private final Set<FieldDescriptor> populatedFields = new HashSet<>();

    private FieldCoverage() {}

    /** Full names of fields, of every type reached from {@code samples}, that no sample sets. */
    static Set<String> unsetFields(Collection<? extends Message> samples) {
        FieldCoverage coverage = new FieldCoverage();
        samples.forEach(coverage::visit);
        Set<String> unset = new TreeSet<>();
        for (Descriptor type : coverage.reachedTypes) {
            for (FieldDescriptor field : type.getFields()) {
                if (!coverage.populatedFields.contains(field)) {
                    unset.add(field.getFullName());
                }
            }
        }
        return unset;
    }

    private void visit(Message message) {
        reachedTypes.add(message.getDescriptorForType());
        // getAllFields lists repeated fields with elements and singular fields that are set
        // (for proto3 fields without presence: that differ from the default).
        message.getAllFields().forEach((field, value) -> {
            populatedFields.add(field);
            if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                return;
            }
            if (field.isRepeated()) {
                ((Collection<?>) value).forEach(element -> visit((Message) element));
            } else {
                visit((Message) value);
            }
        });
    }
}
