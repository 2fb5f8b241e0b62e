package com.logisticskpi.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.logisticskpi.kpi.engine.KpiRequest;

/**
 * The worked example of ../shared/spec/example (inbox/*.csv) as fixture rows, translated by hand: times are the
 * files' local Asia/Shanghai times (the fixture converts them to UTC: 2026-11-11 18:00 local = 10:00Z), blank
 * damaged/documents_ok = N/Y, 是 = Y, P7 only in its DELIVERED form (the later file wins), R2's empty line_no = 0.
 */
public final class SpecExample {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** as_of = 2026-11-12T00:00:00+08:00 = 2026-11-11T16:00:00Z. */
    public static final Instant AS_OF = OffsetDateTime.parse("2026-11-12T00:00:00+08:00").toInstant();

    private SpecExample() {
    }

    public static KpiRequest request() {
        return new KpiRequest(LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-15"), AS_OF, ZONE, null);
    }

    public static void insert(ExportRows x) {
        // orders_20261109.csv
        x.order("A1", 1).customer("C1").ordered("2026-11-09 10:00:00").promised("2026-11-11 18:00:00").sku("S1").qty(1)
                .price("100.00").warehouse("SH01").region("华东").channel("APP").insert();
        x.order("A2", 1).customer("C2").ordered("2026-11-09 11:00:00").promisedDate("2026-11-11").sku("S2").qty(2)
                .price("50.00").warehouse("SH01").region("华东").channel("WEB").insert();
        x.order("A3", 1).customer("C3").ordered("2026-11-09 12:00:00").promised("2026-11-11 18:00:00").sku("S3").qty(1)
                .price("30.00").warehouse("BJ02").region("华北").channel("APP").insert();
        x.order("A3", 2).customer("C3").ordered("2026-11-09 12:00:00").promised("2026-11-11 18:00:00").sku("S4").qty(3)
                .price("10.00").warehouse("BJ02").region("华北").channel("APP").insert();
        x.order("A4", 1).customer("C1").ordered("2026-11-09 13:00:00").promised("2026-11-11 18:00:00").sku("S5").qty(1)
                .price("800.00").warehouse("BJ02").region("华北").channel("WEB").insert();
        x.order("A5", 1).customer("C4").ordered("2026-11-09 14:00:00").promised("2026-11-12 18:00:00").sku("S6").qty(1)
                .price("20.00").warehouse("SH01").region("华南").channel("APP").insert();
        x.order("A6", 1).customer("C5").ordered("2026-11-09 15:00:00").promised("2026-11-11 18:00:00").sku("S7").qty(1)
                .price("60.00").warehouse("SH01").region("华南").channel("WEB").insert();
        x.order("A6", 2).customer("C5").ordered("2026-11-09 15:00:00").promised("2026-11-11 18:00:00").sku("S8").qty(1)
                .price("40.00").warehouse("SH01").region("华南").channel("WEB").cancelled().insert();
        x.order("A7", 1).customer("C2").ordered("2026-11-09T16:00:00+08:00").promised("2026-11-11 18:00:00").sku("S9").qty(2)
                .price("25.00").warehouse("SH01").region("华东").channel("APP").insert();
        // shipments_20261111.csv
        x.shipment("P1", "A1", 1).sku("S1").qty(1).warehouse("SH01").carrier("SF").shipped("2026-11-10 08:00:00")
                .delivered("2026-11-11 18:00:00").insert();
        x.shipment("P2", "A2", 1).sku("S2").qty(2).warehouse("SH01").carrier("JD").shipped("2026-11-10 09:00:00")
                .delivered("2026-11-11 23:30:00").insert();
        x.shipment("P3", "A3", 1).sku("S3").qty(1).warehouse("BJ02").carrier("SF").shipped("2026-11-10 10:00:00")
                .delivered("2026-11-11 12:00:00").insert();
        x.shipment("P3", "A3", 2).sku("S4").qty(2).warehouse("BJ02").carrier("SF").shipped("2026-11-10 10:00:00")
                .delivered("2026-11-11 12:00:00").insert();
        x.shipment("P5", "A4", 1).sku("S5X").qty(1).warehouse("BJ02").carrier("ZTO").shipped("2026-11-10 11:00:00")
                .delivered("2026-11-11 10:00:00").damaged().insert();
        x.shipment("P6", "A6", 1).sku("S7").qty(1).warehouse("SH01").carrier("JD").shipped("2026-11-10 12:00:00")
                .delivered("2026-11-11T02:00:00Z").documentsBad().insert();
        x.shipment("P8", "A6", 2).sku("S8").qty(1).warehouse("SH01").carrier("JD").shipped("2026-11-10 12:00:00")
                .delivered("2026-11-11 11:00:00").insert();
        // shipments_20261112.csv (P7 replaces its IN_TRANSIT row of the day before)
        x.shipment("P4", "A3", 2).sku("S4").qty(1).warehouse("BJ02").carrier("EMS").shipped("2026-11-11 09:00:00")
                .delivered("2026-11-12 09:00:00").insert();
        x.shipment("P7", "A7", 1).sku("S9").qty(2).warehouse("SH01").carrier("YTO").shipped("2026-11-10 13:00:00")
                .delivered("2026-11-12 08:00:00").insert();
        // returns_20261113.csv
        x.returnRow("R1", "A1", 1).requested("2026-11-13 10:00:00").reason("DAMAGED").comment("box crushed, item scratched")
                .insert();
        x.returnRow("R2", "A2", 0).requested("2026-11-13 11:00:00").received("2026-11-14 09:00:00")
                .refunded("2026-11-14 15:00:00").reason("CHANGED_MIND").comment("=HYPERLINK(\"http://example.invalid\",\"x\")")
                .insert();
        // surveys_20261112.csv
        x.survey("V1").order("A1").customer("C1").at("2026-11-12 09:00:00").overall(5).items(5, 5, 4, 5, null, 4)
                .recommend(10).insert();
        x.survey("V2").order("A3").customer("C3").at("2026-11-12 10:00:00").overall(3).items(2, 4, 4, 3, 3, 3)
                .recommend(6).insert();
        x.survey("V3").customer("C9").at("2026-11-12 11:00:00").overall(4).items(4, null, 5, 4, 4, 5).recommend(8).insert();
    }
}
