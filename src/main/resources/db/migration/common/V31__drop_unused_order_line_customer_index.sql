-- Issue 11, spike (a): ix_order_line_customer (customer_id, order_time) serves no query. No statement filters or
-- joins order_line by customer_id (the ABC revenue sums read ix_order_line_order_time, which V19 made covering; the
-- segment joins go from order_line to kpi_segment by its key), yet every stored order line was written to it: 4
-- B-trees per order line, now 3. No figure changes. Measured in bench/README.md ("Spike (a)").
DROP INDEX ix_order_line_customer ON order_line;
