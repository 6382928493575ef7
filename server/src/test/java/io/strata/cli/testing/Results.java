package io.strata.cli.testing;

import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.Datum;
import io.strata.api.v1.DatumList;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.Row;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.Type;

/** Builders of query result pages as a node sends them. */
public final class Results {
    private Results() {}

    public static ColumnInfo column(String name, ScalarType type) {
        return ColumnInfo.newBuilder().setName(name).setType(Type.newBuilder().setScalarType(type)).build();
    }

    public static ColumnInfo arrayColumn(String name, ScalarType elementType) {
        return ColumnInfo.newBuilder().setName(name).setType(Type.newBuilder()
                .setArrayColumnInfo(ColumnInfo.newBuilder().setType(Type.newBuilder().setScalarType(elementType)))).build();
    }

    public static Datum text(String value) {
        return Datum.newBuilder().setScalarValue(value).build();
    }

    public static Datum nullValue() {
        return Datum.newBuilder().setNullValue(true).build();
    }

    public static Datum array(String... values) {
        DatumList.Builder list = DatumList.newBuilder();
        for (String value : values) {
            list.addData(text(value));
        }
        return Datum.newBuilder().setArrayValue(list).build();
    }

    public static Row row(Datum... data) {
        return Row.newBuilder().addAllData(java.util.List.of(data)).build();
    }

    public static QueryResponse page(java.util.List<ColumnInfo> columns, Row... rows) {
        return QueryResponse.newBuilder().addAllColumnInfo(columns).addAllRows(java.util.List.of(rows)).build();
    }
}
