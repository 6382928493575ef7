package io.strata.http.timestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.ListDatabasesRequest;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.UntagResourceRequest;
import io.strata.api.v1.WriteRecordsRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.timestreamwrite.model.ValidationException;

/**
 * Members of the wrong JSON type and enum strings outside Timestream's sets are answered
 * ValidationException in Coral's words, naming the member path and the value the client sent,
 * all problems of one request in one message, without reaching the engine. Members Strata does
 * not know are ignored.
 */
class MalformedMembersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEASURE_VALUE_TYPES = "[DOUBLE, BIGINT, VARCHAR, BOOLEAN, TIMESTAMP, MULTI]";

    private static TimestreamEndpoint endpoint;

    @BeforeAll
    static void start() {
        endpoint = new TimestreamEndpoint();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        endpoint.engine.reset();
    }

    @Test
    void unknownEnumStringsFromTheSdkAreNamedWithTheirPathAndTheAllowedSet() {
        var thrown = catchThrowableOfType(ValidationException.class,
                () -> endpoint.write.writeRecords(request -> request.databaseName("metrics").tableName("cpu")
                        .commonAttributes(common -> common.timeUnit("HOURS"))
                        .records(record -> record.measureName("a").measureValue("1"),
                                record -> record.measureName("b").measureValue("2").measureValueType("FLOAT")
                                        .measureValues(value -> value.name("x").value("1").type("INT")))));

        assertThat(thrown.statusCode()).isEqualTo(400);
        assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("3 validation errors detected: "
                + "Value 'HOURS' at 'commonAttributes.timeUnit' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [MILLISECONDS, SECONDS, MICROSECONDS, NANOSECONDS]; "
                + "Value 'FLOAT' at 'records.2.member.measureValueType' failed to satisfy constraint: "
                + "Member must satisfy enum value set: " + MEASURE_VALUE_TYPES + "; "
                + "Value 'INT' at 'records.2.member.measureValues.1.member.type' failed to satisfy constraint: "
                + "Member must satisfy enum value set: " + MEASURE_VALUE_TYPES);
        assertThat(endpoint.engine.last(WriteRecordsRequest.class)).isEmpty();
    }

    @Test
    void unknownEnumStringsInNestedCatalogSettingsAreNamedWithTheirPath() {
        var thrown = catchThrowableOfType(ValidationException.class,
                () -> endpoint.write.createTable(request -> request.databaseName("metrics").tableName("cpu")
                        .magneticStoreWriteProperties(properties -> properties.enableMagneticStoreWrites(true)
                                .magneticStoreRejectedDataLocation(location -> location
                                        .s3Configuration(s3 -> s3.bucketName("b-1").encryptionOption("SSE_C"))))
                        .schema(schema -> schema.compositePartitionKey(key -> key.type("PARTITION").name("host")))));

        assertThat(thrown.awsErrorDetails().errorMessage())
                .startsWith("2 validation errors detected: ")
                .contains("Value 'SSE_C' at 'magneticStoreWriteProperties.magneticStoreRejectedDataLocation"
                        + ".s3Configuration.encryptionOption' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [SSE_S3, SSE_KMS]")
                .contains("Value 'PARTITION' at 'schema.compositePartitionKey.1.member.type' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [DIMENSION, MEASURE]");
        assertThat(endpoint.engine.last(CreateTableRequest.class)).isEmpty();
    }

    @Test
    void aNumberWhereTimestreamWantsAStringNamesTheRecordsMember() throws Exception {
        HttpResponse<String> response = endpoint.post("WriteRecords", """
                {"DatabaseName": "metrics", "TableName": "cpu", "Records": [
                  {"MeasureName": "a", "MeasureValue": "1", "Time": "1700000000000"},
                  {"MeasureName": "b", "MeasureValue": "2", "Time": 1700000000000}
                ]}""");

        assertValidation(response, "1 validation error detected: Value '1700000000000' at 'records.2.member.time' "
                + "failed to satisfy constraint: Member must be a string");
        assertThat(endpoint.engine.last(WriteRecordsRequest.class)).isEmpty();
    }

    @Test
    void structuresAndListsOfTheWrongShapeAreNamed() throws Exception {
        HttpResponse<String> response = endpoint.post("WriteRecords", """
                {"DatabaseName": "metrics", "TableName": 7, "CommonAttributes": [],
                 "Records": {"MeasureName": "a"}}""");

        assertValidation(response, "3 validation errors detected: "
                + "Value '7' at 'tableName' failed to satisfy constraint: Member must be a string; "
                + "Value '[]' at 'commonAttributes' failed to satisfy constraint: Member must be a structure; "
                + "Value '{\"MeasureName\":\"a\"}' at 'records' failed to satisfy constraint: Member must be a list");
    }

    @Test
    void listElementsOfTheWrongTypeAreNamedByTheirPosition() throws Exception {
        HttpResponse<String> records = endpoint.post("WriteRecords", """
                {"DatabaseName": "metrics", "TableName": "cpu",
                 "Records": [{"Dimensions": [{"Name": "host", "Value": "h"}, "region=eu"], "Version": "2"}]}""");
        HttpResponse<String> tagKeys = endpoint.post("UntagResource", """
                {"ResourceARN": "arn:aws:timestream:us-east-1:000000000000:database/metrics", "TagKeys": ["a", 1]}""");

        assertValidation(records, "2 validation errors detected: "
                + "Value '\"region=eu\"' at 'records.1.member.dimensions.2.member' failed to satisfy constraint: "
                + "Member must be a structure; "
                + "Value '\"2\"' at 'records.1.member.version' failed to satisfy constraint: Member must be an integer");
        assertValidation(tagKeys, "1 validation error detected: Value '1' at 'tagKeys.2.member' failed to satisfy "
                + "constraint: Member must be a string");
        assertThat(endpoint.engine.last(UntagResourceRequest.class)).isEmpty();
    }

    @Test
    void fractionalOrOutOfRangeIntegersAreNotTruncated() throws Exception {
        HttpResponse<String> fraction = endpoint.post("ListDatabases", "{\"MaxResults\": 1.5}");
        HttpResponse<String> tooLarge = endpoint.post("Query",
                "{\"QueryString\": \"SELECT 1\", \"MaxRows\": 4294967296}");
        HttpResponse<String> notABoolean = endpoint.post("PrepareQuery",
                "{\"QueryString\": \"SELECT 1\", \"ValidateOnly\": \"true\"}");

        assertValidation(fraction, "1 validation error detected: Value '1.5' at 'maxResults' failed to satisfy "
                + "constraint: Member must be an integer");
        assertValidation(tooLarge, "1 validation error detected: Value '4294967296' at 'maxRows' failed to satisfy "
                + "constraint: Member must be an integer");
        assertValidation(notABoolean, "1 validation error detected: Value '\"true\"' at 'validateOnly' failed to "
                + "satisfy constraint: Member must be a boolean");
        assertThat(endpoint.engine.last(ListDatabasesRequest.class)).isEmpty();
        assertThat(endpoint.engine.last(QueryRequest.class)).isEmpty();
    }

    @Test
    void unknownMembersAreIgnoredAndNullMembersAreAbsent() throws Exception {
        HttpResponse<String> response = endpoint.post("Query", """
                {"QueryString": "SELECT 1", "NextToken": null, "MaxRows": 10,
                 "QueryInsights": {"Mode": "ENABLED_WITH_RATE_CONTROL"}, "SomeFutureMember": [1, 2]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(endpoint.engine.last(QueryRequest.class))
                .contains(QueryRequest.newBuilder().setQueryString("SELECT 1").setMaxRows(10).build());
    }

    private static void assertValidation(HttpResponse<String> response, String message) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(body.path("__type").asText()).isEqualTo("ValidationException");
        assertThat(body.path("Message").asText()).isEqualTo(message);
    }
}
