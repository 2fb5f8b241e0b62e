-- Covering indexes for the engine's set-based selections (docs/kpi-engine.md). H2 reads the table row behind every
-- index entry unless every column the query uses is in the index; the ABC revenue sums (SegmentAssigner) and the
-- candidate selection (CandidateSelector) spent most of their time in those row look-ups. Each index is widened in
-- place (same name, same leading column), so ingest maintains as many indexes as before. No figure changes.
DROP INDEX ix_order_line_order_time ON order_line;
CREATE INDEX ix_order_line_order_time ON order_line (order_time, status, customer_id, quantity, unit_price);
DROP INDEX ix_order_line_promised ON order_line;
CREATE INDEX ix_order_line_promised ON order_line (promised_time, status, order_id);
DROP INDEX ix_shipment_delivered ON shipment_line;
CREATE INDEX ix_shipment_delivered ON shipment_line (delivered_time, status, order_id);
