/**
 * Timestream's JSON (AWS JSON 1.0 bodies of {@code timestream-write} and {@code timestream-query})
 * to and from the strata.v1 protobuf messages, so the HTTP endpoint calls the very engine
 * operations the gRPC services call.
 *
 * <p>The node wiring implements {@link io.strata.http.timestream.AdminOperations},
 * {@link io.strata.http.timestream.WriteOperations} and
 * {@link io.strata.http.timestream.QueryOperations} with the methods behind the gRPC services and
 * passes them to {@link io.strata.http.timestream.TimestreamOperations#registry}; the result goes
 * to {@link io.strata.http.TimestreamHttpServer#start}.
 *
 * <p>Who judges what: the codecs reject only what the message could not carry: a member of the
 * wrong JSON type, and an enum string outside Timestream's set (the text the client sent is named
 * in the message, which {@code UNRECOGNIZED} could not do). Everything else (required members,
 * lengths, ranges, names, limits) is the engine's validation, shared with gRPC. Absent members stay
 * absent (proto3 {@code optional}, enum value 0); unknown members are ignored, as newer SDKs send
 * members this server does not know.
 */
package io.strata.http.timestream;
